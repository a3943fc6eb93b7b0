// Bulk registration from the door-to-door spreadsheets: download the template, upload the filled sheet (with a
// progress bar for the upload and then for the rows), and read the report row by row.

import {h, replace} from '../dom.js';
import {t, serverMessage, number} from '../i18n.js';
import {accessToken, errorFrom, get, query, request} from '../api.js';
import {badge, button, empty, errorBox, loading, pageHeader, pager, progress, section, table} from '../ui.js';
import {go} from '../app.js';

const POLL_MS = 800;
const OUTCOMES = ['REJECTED', 'DUPLICATE', 'IMPORTED'];

export async function render(page, ctx) {
  ctx.title(t('import.title'));
  const jobId = ctx.query.job;
  page.append(pageHeader(t('import.title')), h('p.lead', t('import.lead')));
  if (!jobId) {
    page.append(uploadStep(ctx));
    return undefined;
  }
  const status = h('div', loading());
  const report = h('div');
  page.append(status, report, h('p', button(t('import.another'), () => go('/office/workers/import'))));
  let timer;
  let stopped = false;
  const poll = async () => {
    try {
      const {job} = await get(`/api/workers/import/${encodeURIComponent(jobId)}?size=1`);
      if (stopped) return;
      replace(status, jobStatus(job));
      if (job.state === 'QUEUED' || job.state === 'RUNNING') {
        timer = setTimeout(poll, POLL_MS);
      } else {
        showReport(report, jobId, ctx);
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

function uploadStep(ctx) {
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
      const answer = await upload(file, percent => bar.update(percent, t('import.uploading', {percent})));
      go('/office/workers/import', {job: answer.jobId});
    } catch (error) {
      bar.classList.add('hidden');
      submit.disabled = false;
      const fileError = (error.errors || []).find(e => e.field === 'file');
      if (fileError) errorEl.textContent = serverMessage(fileError.message);
      else replace(messages, errorBox(error));
    }
  }},
  h('div.field', {dataset: {field: 'file'}}, h('label', {for: 'import-file'}, t('import.file')), fileInput,
    h('p.hint', t('import.fileHint')), errorEl),
  bar, messages, h('div.actions', submit));
  return h('div',
    section(t('import.step1'), h('p', t('import.templateText')),
      h('div.actions', button(t('import.templateXlsx'), () => download('xlsx'), 'small'),
        button(t('import.templateCsv'), () => download('csv'), 'small'))),
    section(t('import.step2'), el));
}

/** A multipart upload through XMLHttpRequest, which (unlike fetch) reports upload progress. */
async function upload(file, onProgress) {
  const token = await accessToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/workers/import');
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

async function download(format) {
  const response = await request('GET', `/api/workers/import/template?format=${format}`, undefined, {raw: true});
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = h('a', {href: url, download: `worker-import-template.${format}`});
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
async function showReport(container, jobId, ctx) {
  const outcome = ctx.query.outcome || '';
  const pageNo = Number(ctx.query.page || 0);
  replace(container, loading());
  try {
    const {rows} = await get(`/api/workers/import/${encodeURIComponent(jobId)}${query({outcome, page: pageNo,
      size: 100})}`);
    const tabs = h('div.actions.tabs', ['', ...OUTCOMES].map(o => button(o ? t(`enum.outcome.${o}`) : t('common.all'),
      () => go('/office/workers/import', {job: jobId, outcome: o}), o === outcome ? 'small primary' : 'small')));
    replace(container, section(t('import.report'), tabs,
      rows.items.length ? table([
        {title: t('import.row'), className: 'num', cell: r => String(r.row)},
        {title: t('import.outcome'), cell: r => badge('outcome', r.outcome)},
        {title: t('import.worker'), cell: r => (r.workerId ? h('a', {href: `#/office/workers/${encodeURIComponent(
          r.workerId)}`}, r.workerId) : '–')},
        {title: t('import.problems'), className: 'wide', cell: r => (r.errors && r.errors.length
          ? h('ul.reasons', r.errors.map(e => h('li', h('strong', e.field), ': ', serverMessage(e.message)))) : '')},
      ], rows.items) : empty(t('import.noRows')),
      pager(rows, p => go('/office/workers/import', {job: jobId, outcome, page: p}))));
  } catch (error) {
    replace(container, errorBox(error));
  }
}
