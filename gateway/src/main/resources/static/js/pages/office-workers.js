// Workers: search by name, filter by place, status and poverty status; find one by worker or household number;
// register or import.

import {h, replace} from '../dom.js';
import {t, number} from '../i18n.js';
import {get, query} from '../api.js';
import {empty, errorBox, linkButton, loading, pageHeader, pager} from '../ui.js';
import {placeFilters} from '../place-filters.js';
import {workerList} from '../worker-list.js';
import {POVERTY, WORKER_STATUSES, options} from '../vocab.js';
import {go} from '../app.js';

export async function render(page, ctx) {
  ctx.title(t('workers.title'));
  const {town = '', village = '', status = '', povertyStatus = '', name = ''} = ctx.query;
  const pageNo = Number(ctx.query.page || 0);
  const statusSelect = h('select#filter-status', {name: 'status'}, h('option', {value: ''}, t('common.all')),
    options('status', WORKER_STATUSES).map(([v, w]) => h('option', {value: v, selected: v === status}, w)));
  const povertySelect = h('select#filter-poverty', {name: 'povertyStatus'}, h('option', {value: ''}, t('common.all')),
    options('poverty', POVERTY).map(([v, w]) => h('option', {value: v, selected: v === povertyStatus}, w)));
  const nameInput = h('input#filter-name', {name: 'name', type: 'search', value: name, maxlength: 50,
    autocomplete: 'off', placeholder: t('workers.namePlaceholder')});
  const nameField = h('div.field', h('label', {for: 'filter-name'}, t('workers.name')), nameInput);
  const filters = await placeFilters({town, village, lead: [nameField]}, values => go('/office/workers', values),
    h('div.field', h('label', {for: 'filter-status'}, t('field.status')), statusSelect),
    h('div.field', h('label', {for: 'filter-poverty'}, t('field.povertyStatus')), povertySelect));

  const findInput = h('input#find', {placeholder: t('workers.findPlaceholder'), autocomplete: 'off'});
  const findMessage = h('p.field-error', {'aria-live': 'polite'});
  const find = h('form.row.find', {role: 'search', onsubmit: async event => {
    event.preventDefault();
    const text = findInput.value.trim();
    if (!text) return;
    findMessage.textContent = '';
    // A worker id first; otherwise a household number.
    try {
      await get(`/api/workers/${encodeURIComponent(text)}`);
      go(`/office/workers/${encodeURIComponent(text)}`);
    } catch {
      try {
        await get(`/api/households/${encodeURIComponent(text)}`);
        go(`/office/households/${encodeURIComponent(text)}`);
      } catch {
        findMessage.textContent = t('workers.notFound', {text});
      }
    }
  }}, h('label.sr-only', {for: 'find'}, t('workers.find')), findInput,
  h('button', {type: 'submit'}, t('workers.find')));

  const body = h('div', loading());
  page.append(
    pageHeader(t('workers.title'), linkButton('#/office/workers/new', t('workers.registerOne'), 'primary'),
      linkButton('#/office/workers/import', t('workers.import'))),
    find, findMessage, filters, body);
  try {
    const result = await get(`/api/workers${query({name: name.trim(), town, village, status, povertyStatus,
      page: pageNo, size: 20})}`);
    if (!ctx.isCurrent()) return;
    const filtered = name || town || village || status || povertyStatus;
    replace(body,
      h('p', h('strong', t('workers.total', {count: number(result.total)}))),
      result.items.length ? workerList(result.items)
        : filtered ? empty(name ? t('workers.noneNamed', {name}) : t('workers.noneMatch'),
          linkButton('#/office/workers', t('common.clear')))
          : empty(t('workers.empty'), linkButton('#/office/workers/new', t('workers.registerOne'), 'primary'),
            linkButton('#/office/workers/import', t('workers.import'))),
      pager(result, p => go('/office/workers', {...ctx.query, page: p})));
  } catch (error) {
    replace(body, errorBox(error, ctx.rerender));
  }
}
