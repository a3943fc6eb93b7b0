// Job postings with their openings (filled, reserved by live offers, still free); post one, import many, close one;
// and the optimal matching of every waiting worker at once. ?job=<id> shows that one posting, as an import's report
// links to it.

import {h, replace} from '../dom.js';
import {t, label, number, date} from '../i18n.js';
import {get, post, query} from '../api.js';
import {ask, badge, button, empty, errorBox, linkButton, loading, pageHeader, pager, toast} from '../ui.js';
import {EMPLOYER_KINDS, JOB_STATUSES, options} from '../vocab.js';
import {go} from '../app.js';
import {matchingPanel} from '../matching-panel.js';

export async function render(page, ctx) {
  ctx.title(t('jobs.title'));
  const {status = '', employerKind = ''} = ctx.query;
  const pageNo = Number(ctx.query.page || 0);
  const statusSelect = h('select#filter-job-status', {onchange: () => go('/office/jobs', {employerKind,
    status: statusSelect.value})}, h('option', {value: ''}, t('common.all')),
  options('jobStatus', JOB_STATUSES).map(([v, w]) => h('option', {value: v, selected: v === status}, w)));
  const kindSelect = h('select#filter-kind', {onchange: () => go('/office/jobs', {status,
    employerKind: kindSelect.value})}, h('option', {value: ''}, t('common.all')),
  options('employerKind', EMPLOYER_KINDS).map(([v, w]) => h('option', {value: v, selected: v === employerKind}, w)));
  const body = h('div', loading());
  page.append(
    pageHeader(t('jobs.title'), linkButton('#/office/jobs/new', t('jobs.post'), 'primary'),
      linkButton('#/office/jobs/import', t('jobs.import')), linkButton('#/office/employers', t('nav.employers'))),
    h('div.filters',
      h('div.field', h('label', {for: 'filter-job-status'}, t('field.status')), statusSelect),
      h('div.field', h('label', {for: 'filter-kind'}, t('jobs.employerKind')), kindSelect)),
    body);
  if (ctx.query.job) {
    await onePosting(body, ctx.query.job, ctx);
    return undefined;
  }
  const matching = matchingPanel();
  page.insertBefore(matching.el, body);
  try {
    const result = await get(`/api/jobs${query({status, employerKind, page: pageNo, size: 50})}`);
    if (!ctx.isCurrent()) return matching.stop;
    replace(body,
      h('p', h('strong', t('jobs.total', {count: number(result.total)}))),
      result.items.length ? h('ul.list.columns', {dataset: {list: 'jobs'}}, result.items.map(job => jobItem(job, ctx)))
        : empty(status || employerKind ? t('jobs.noneMatch') : t('jobs.empty'),
          linkButton('#/office/jobs/new', t('jobs.post'), 'primary'), linkButton('#/office/jobs/import', t('jobs.import'))),
      pager(result, p => go('/office/jobs', {...ctx.query, page: p})));
  } catch (error) {
    replace(body, errorBox(error, ctx.rerender));
  }
  return matching.stop;
}

async function onePosting(body, id, ctx) {
  try {
    const job = await get(`/api/jobs/${encodeURIComponent(id)}`);
    if (!ctx.isCurrent()) return;
    replace(body, h('ul.list.columns', {dataset: {list: 'jobs'}}, jobItem(job, ctx)),
      h('p', linkButton('#/office/jobs', t('jobs.all'))));
  } catch (error) {
    replace(body, errorBox(error, ctx.rerender));
  }
}

function jobItem(job, ctx) {
  const free = Math.max(0, job.openings - job.reserved - job.filled);
  const pct = n => `${job.openings ? (100 * n) / job.openings : 0}%`;
  const close = async () => {
    const values = await ask({title: t('jobs.close'), text: t('jobs.closeText', {title: job.title}), danger: true,
      confirm: t('jobs.close'), fields: [{name: 'reason', label: t('jobs.closeReason')}]});
    if (!values) return;
    try {
      await post(`/api/jobs/${encodeURIComponent(job.id)}/close`, {reason: values.reason || null});
      toast(t('jobs.closed'));
      ctx.rerender();
    } catch (error) {
      toast(error.detail || t('error.unexpected'), 'bad');
    }
  };
  return h('li', {dataset: {job: job.id, status: job.status}},
    h('div.list-title', h('strong', job.title), h('span.row', badge('employerKind', job.employerKind),
      badge('jobStatus', job.status))),
    h('p.muted', job.employerName),
    h('div.openings', {role: 'img', 'aria-label': t('jobs.openingsLabel', {filled: job.filled,
      reserved: job.reserved, free, openings: job.openings})},
    h('span.filled', {style: {width: pct(job.filled)}}), h('span.reserved', {style: {width: pct(job.reserved)}})),
    h('p.row',
      h('span.key', {style: {'--c': 'var(--violet)'}}, t('jobs.filled', {count: number(job.filled)})),
      h('span.key', {style: {'--c': '#e0a63a'}}, t('jobs.reserved', {count: number(job.reserved)})),
      h('span.key', {style: {'--c': 'var(--grey-soft)'}}, t('jobs.free', {count: number(free)})),
      h('span.muted', t('jobs.ofOpenings', {count: number(job.openings)}))),
    h('ul.meta',
      h('li', t('offer.wage', {wage: number(job.monthlyWage)})),
      h('li', label('skill', job.category)),
      h('li', job.site ? `${job.site.name}（${job.site.city}）` : ''),
      h('li', t('jobs.starts', {date: date(job.startDate)})),
      job.accommodation ? h('li', t('jobs.accommodation')) : null,
      job.publicWelfareTown ? h('li', t('jobs.publicWelfare', {town: job.publicWelfareTown})) : null),
    job.status === 'OPEN' ? h('div.actions', button(t('jobs.close'), close, 'small danger')) : null);
}
