// A bulk import from a spreadsheet, as every import of the campaign runs: download the template, upload the filled
// sheet (with a progress bar for the upload and then for the rows), and read the report row by row. Each import's
// page says only what differs: its route, its API, its words and what a row became.

import {h, replace} from './dom.js';
import {t, has, serverMessage, number} from './i18n.js';
import {accessToken, errorFrom, get, query, request} from './api.js';
import {badge, button, empty, errorBox, linkButton, loading, pageHeader, pager, progress, section, table} from './ui.js';
import {go} from './app.js';

const POLL_MS = 800;
const OUTCOMES = ['REJECTED', 'DUPLICATE', 'IMPORTED'];

/**
 * The page of one import. {@code kind}: route (this page), api (POST here, GET api/{jobId}, GET api/template),
 * template (the download's name), words (i18n keys: title, lead, templateText, record, and recordLink for a short
 * link text in place of the record's id), back (an action beside the title: [href, key]), record (the row's record
 * id in the report), recordHref (where that record is shown), fieldKey (the i18n key naming a reported field, if
 * the dictionary has one).
 */
export function sheetImport(kind) {
  return (page, ctx) => render(kind, page, ctx);
}

async function render(kind, page, ctx) {
  ctx.title(t(kind.words.title));
  const jobId = ctx.query.job;
  page.append(pageHeader(t(kind.words.title), ...(kind.back ? [linkButton(kind.back[0], t(kind.back[1]))] : [])),
    h('p.lead', t(kind.words.lead)));
  if (!jobId) {
    page.append(uploadStep(kind));
    return undefined;
  }
  const status = h('div', loading());
  const report = h('div');
  page.append(status, report, h('p', button(t('import.another'), () => go(kind.route))));
  let timer;
  let stopped = false;
  const poll = async () => {
    try {
      const {job} = await get(`${kind.api}/${encodeURIComponent(jobId)}?size=1`);
      if (stopped) return;
      replace(status, jobStatus(job));
      if (job.state === 'QUEUED' || job.state === 'RUNNING') {
        timer = setTimeout(poll, POLL_MS);
      } else {
        showReport(kind, report, jobId, ctx);
      }
    } catch (error) {
      if (!stopped) replace(status, errorBox(error, poll));
    }
  };
  poll();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function uploadStep(kind) {
  const fileInput = h('input#import-file', {type: 'file', name: 'file', required: true,
    accept: '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'});
  const errorEl = h('p.field-error', {id: 'import-file-error', 'aria-live': 'polite'});
  const bar = progress(0, '');
  bar.classList.add('hidden');
  const messages = h('div');
  const submit = h('button.primary', {type: 'submit'}, t('import.upload'));
  const el = h('form.form', {novalidate: true, onsubmit: async event => {
    event.preventDefault();
    replace(messages);
    errorEl.textContent = '';
    const file = fileInput.files[0];
    if (!file) {
      errorEl.textContent = t('import.chooseFile');
      fileInput.focus();
      return;
    }
    submit.disabled = true;
    bar.classList.remove('hidden');
    bar.update(0, t('import.uploading', {percent: 0}));
    try {
      const answer = await upload(kind.api, file, percent => bar.update(percent, t('import.uploading', {percent})));
      go(kind.route, {job: answer.jobId});
    } catch (error) {
      bar.classList.add('hidden');
      submit.disabled = false;
      const fileError = (error.errors || []).find(e => e.field === 'file');
      // The file's own refusals, and the two that only waiting or a smaller file cures, beside the file field.
      const beside = fileError ? serverMessage(fileError.message) : error.status === 413 ? t('import.tooLarge')
        : error.slug === 'import-busy' ? t('import.busy') : '';
      if (beside) errorEl.textContent = beside;
      else replace(messages, errorBox(error));
    }
  }},
  h('div.field', {dataset: {field: 'file'}}, h('label', {for: 'import-file'}, t('import.file')), fileInput,
    h('p.hint', t('import.fileHint')), errorEl),
  bar, messages, h('div.actions', submit));
  return h('div',
    section(t('import.step1'), h('p', t(kind.words.templateText)),
      h('div.actions', button(t('import.templateXlsx'), () => download(kind, 'xlsx'), 'small'),
        button(t('import.templateCsv'), () => download(kind, 'csv'), 'small'))),
    section(t('import.step2'), el));
}

/** A multipart upload through XMLHttpRequest, which (unlike fetch) reports upload progress. */
async function upload(api, file, onProgress) {
  const token = await accessToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', api);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = event => {
      if (event.lengthComputable) onProgress(Math.round(100 * event.loaded / event.total));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText));
      else reject(errorFrom(xhr));
    };
    xhr.onerror = () => reject(errorFrom(xhr));
    const body = new FormData();
    body.append('file', file);
    xhr.send(body);
  });
}

async function download(kind, format) {
  const response = await request('GET', `${kind.api}/template?format=${format}`, undefined, {raw: true});
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = h('a', {href: url, download: `${kind.template}.${format}`});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function jobStatus(job) {
  const p = job.progress || {};
  const working = job.state === 'QUEUED' || job.state === 'RUNNING';
  const bar = progress(job.state === 'QUEUED' || !p.rowsTotal ? (working ? null : 100) : p.percent,
    t(`import.state.${job.state}`, {read: number(p.rowsRead), total: number(p.rowsTotal), percent: p.percent}));
  return section(job.fileName,
    bar,
    h('dl.summary-figures', {dataset: {state: job.state}},
      figure(t('import.rowsRead'), `${number(p.rowsRead)} / ${number(p.rowsTotal)}`),
      figure(t('import.imported'), number(p.imported), 'IMPORTED'),
      figure(t('import.duplicates'), number(p.duplicates), 'DUPLICATE'),
      figure(t('import.rejected'), number(p.rejected), 'REJECTED')),
    job.message ? h('p', serverMessage(job.message)) : null);
}

function figure(term, value, outcome) {
  return h('div', {dataset: {outcome: outcome || ''}}, h('dt', term), h('dd', value));
}

/** The per-row report, rejected rows first since they need fixing. */
async function showReport(kind, container, jobId, ctx) {
  const outcome = ctx.query.outcome || '';
  const pageNo = Number(ctx.query.page || 0);
  replace(container, loading());
  try {
    const {rows} = await get(`${kind.api}/${encodeURIComponent(jobId)}${query({outcome, page: pageNo,
      size: 100})}`);
    const tabs = h('div.actions.tabs', ['', ...OUTCOMES].map(o => button(o ? t(`enum.outcome.${o}`) : t('common.all'),
      () => go(kind.route, {job: jobId, outcome: o}), o === outcome ? 'small primary' : 'small')));
    replace(container, section(t('import.report'), tabs,
      rows.items.length ? table([
        {title: t('import.row'), className: 'num', cell: r => String(r.row)},
        {title: t('import.outcome'), cell: r => badge('outcome', r.outcome)},
        {title: t(kind.words.record), cell: r => recordLink(kind, kind.record(r))},
        {title: t('import.problems'), className: 'wide', cell: r => (r.errors && r.errors.length
          ? h('ul.reasons', r.errors.map(e => h('li', h('strong', fieldName(kind, e.field)), ': ',
            serverMessage(e.message)))) : '')},
      ], rows.items) : empty(t('import.noRows')),
      pager(rows, p => go(kind.route, {job: jobId, outcome, page: p}))));
  } catch (error) {
    replace(container, errorBox(error));
  }
}

/**
 * The link to a row's record: its id as the text, or the kind's short words (a long id wraps over several lines on a
 * phone) with the id kept in the link and as its title.
 */
function recordLink(kind, id) {
  if (!id) return '–';
  return kind.words.recordLink
    ? h('a.record-link', {href: kind.recordHref(id), title: id, dataset: {record: id}}, t(kind.words.recordLink))
    : h('a', {href: kind.recordHref(id), title: id, dataset: {record: id}}, id);
}

/** A reported field as the sheet's column is headed, where the dictionary knows it; else as the service names it. */
function fieldName(kind, field) {
  const key = kind.fieldKey && kind.fieldKey(field);
  return key && has(key) ? t(key) : field;
}
