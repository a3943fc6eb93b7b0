// The at-risk list (返贫监测预警): poor, unstable and marginal workers still without work, each with its reasons.

import {h, replace} from '../dom.js';
import {t, pick, number} from '../i18n.js';
import {get, query} from '../api.js';
import {badge, empty, errorBox, linkButton, loading, pageHeader, pager} from '../ui.js';
import {placeFilters} from '../place-filters.js';
import {go} from '../app.js';

export async function render(page, ctx) {
  ctx.title(t('atRisk.title'));
  const {town = '', village = ''} = ctx.query;
  const days = ctx.query.days || '';
  const pageNo = Number(ctx.query.page || 0);
  const daysInput = h('input#filter-days', {name: 'days', type: 'number', min: 1, max: 365, value: days,
    placeholder: '7', inputmode: 'numeric'});
  const filters = await placeFilters({town, village}, values => go('/office/at-risk', values),
    h('div.field', h('label', {for: 'filter-days'}, t('atRisk.days')), daysInput));
  const body = h('div', loading());
  page.append(pageHeader(t('atRisk.title')), h('p.lead', t('atRisk.lead')), filters, body);
  try {
    const result = await get(`/api/monitoring/at-risk${query({days, town, village, page: pageNo, size: 50})}`);
    if (!ctx.isCurrent()) return;
    replace(body,
      h('p', h('strong', t('atRisk.total', {count: number(result.total)}))),
      result.items.length ? h('ul.list.columns', {dataset: {list: 'at-risk'}}, result.items.map(row =>
        h('li', {dataset: {worker: row.workerId}},
          h('div.list-title', h('a', {href: `#/office/workers/${encodeURIComponent(row.workerId)}`}, row.name),
            h('span.row', badge('poverty', row.povertyStatus), badge('status', row.status))),
          h('ul.meta', h('li', row.phoneMasked), h('li', `${row.town} · ${row.village}`),
            h('li', h('a', {href: `#/office/households/${encodeURIComponent(row.householdId)}`},
              t('workers.household', {id: row.householdId}))),
            h('li', t('atRisk.waiting', {days: row.daysSinceRegistered}))),
          h('ul.reasons', {'aria-label': t('atRisk.reasons')}, row.reasons.map(r =>
            h('li', {dataset: {reason: r.code}}, pick(r.zh, r.en)))))))
        : empty(t('atRisk.empty'), linkButton('#/office', t('nav.dashboard'))),
      pager(result, p => go('/office/at-risk', {...ctx.query, page: p})));
  } catch (error) {
    replace(body, errorBox(error, ctx.rerender));
  }
}
