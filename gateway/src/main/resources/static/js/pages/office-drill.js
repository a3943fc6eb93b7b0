// The workers behind one figure of the dashboard: the same stage and filters, so the total equals the figure.

import {h, replace} from '../dom.js';
import {t, label, number} from '../i18n.js';
import {get, query} from '../api.js';
import {empty, errorBox, linkButton, loading, pageHeader, pager} from '../ui.js';
import {workerList} from '../worker-list.js';
import {go} from '../app.js';

export async function render(page, ctx) {
  const {stage = 'REGISTERED', town, village, povertyStatus, specialGroup} = ctx.query;
  const pageNo = Number(ctx.query.page || 0);
  const stageWords = label('stage', stage);
  ctx.title(t('drill.title', {stage: stageWords}));
  const filters = [town, village, povertyStatus && label('poverty', povertyStatus),
    specialGroup && label('group', specialGroup)].filter(Boolean);
  const body = h('div', loading());
  page.append(
    pageHeader(t('drill.title', {stage: stageWords}),
      linkButton(`#/office${query({town, village})}`, t('drill.back'), 'small')),
    h('p.lead', filters.length ? t('drill.filters', {filters: filters.join(' · ')}) : t('drill.allWorkers')),
    body);
  try {
    const result = await get(`/api/monitoring/summary/drill${query({stage, town, village, povertyStatus,
      specialGroup, page: pageNo, size: 20})}`);
    if (!ctx.isCurrent()) return;
    replace(body,
      h('p', {dataset: {total: result.total}}, h('strong', t('drill.total', {count: number(result.total)}))),
      result.items.length ? workerList(result.items) : empty(t('drill.empty'), linkButton('#/office', t('drill.back'))),
      pager(result, p => go('/office/drill', {...ctx.query, page: p})));
  } catch (error) {
    replace(body, errorBox(error, ctx.rerender));
  }
}
