// Pieces every page uses: headings, empty states, errors, badges, pagers, progress, dialogs and toasts.

import {h, replace} from './dom.js';
import {t, label, number} from './i18n.js';

export function pageHeader(title, ...actions) {
  return h('header.page-header', h('h1', title), actions.length ? h('div.actions', actions) : null);
}

export function section(title, ...children) {
  return h('section.card', title ? h('h2', title) : null, children);
}

/** An empty list says what to do next. */
export function empty(text, ...actions) {
  return h('div.empty', {role: 'status'}, h('p', text), actions.length ? h('div.actions', actions) : null);
}

export function loading(text = t('common.loading')) {
  return h('div.loading', {role: 'status', 'aria-live': 'polite'}, h('span.spinner', {'aria-hidden': 'true'}), text);
}

export function linkButton(href, text, kind = '') {
  return h('a.button', {href, class: kind}, text);
}

export function button(text, onclick, kind = '', attrs = {}) {
  return h('button', {type: 'button', onclick, class: kind, ...attrs}, text);
}

/** What went wrong, in words the user can act on, with the request id to quote to support. */
export function describeError(error) {
  if (!error || error.status === undefined) return {title: t('error.unexpected'), detail: error && error.message};
  switch (error.status) {
    case 0: return {title: t('error.offline.title'), detail: t('error.offline.detail')};
    case 401: return error.slug === 'sign-in-failed'
      ? {title: t('error.signInFailed.title'), detail: t('error.signInFailed.detail')}
      : {title: t('error.unauthorized.title'), detail: t('error.unauthorized.detail')};
    case 403: return {title: t('error.forbidden.title'), detail: t('error.forbidden.detail')};
    case 404: return {title: t('error.notFound.title'), detail: error.detail};
    case 409: return {title: t('error.conflict.title'), detail: error.detail};
    case 413: return {title: t('error.tooLarge.title'), detail: error.detail};
    case 429: return {title: t('error.rateLimited.title'),
      detail: t('error.rateLimited.detail', {seconds: error.retryAfter || error.problem.retryAfterSeconds || 60})};
    case 503: return {title: t('error.unavailable.title'),
      detail: t('error.unavailable.detail', {service: error.problem.service ? label('service', error.problem.service)
        : ''})};
    case 504: return {title: t('error.timeout.title'), detail: t('error.timeout.detail')};
    default:
      if (error.status === 400) return {title: t('error.invalid.title'), detail: error.detail};
      return {title: t('error.server.title'), detail: error.detail};
  }
}

export function errorBox(error, retry) {
  const {title, detail} = describeError(error);
  return h('div.alert.error', {role: 'alert'},
    h('strong', title),
    detail ? h('p', detail) : null,
    error && error.requestId ? h('p.request-id', t('error.requestId', {id: error.requestId})) : null,
    retry ? button(t('common.retry'), retry) : null);
}

export function notice(text, kind = 'info') {
  return h(`div.alert.${kind}`, {role: 'status'}, text);
}

const TONES = {
  REGISTERED: 'neutral', OFFERED: 'info', INTENT_AGREED: 'good', TRANSPORT_ARRANGED: 'good',
  RETURNED_TO_WORK: 'done', WITHDRAWN: 'muted',
  OPEN: 'info', ACCEPTED: 'good', DECLINED: 'muted', EXPIRED: 'warn', WITHDRAWN_OFFER: 'muted',
  FILLED: 'done', CLOSED: 'muted',
  PLANNED: 'info', DEPARTED: 'good', COMPLETED: 'done', CANCELLED: 'muted',
  ASSIGNED: 'neutral', BOARDED: 'good', NO_SHOW: 'warn', ARRIVED: 'done', MISSING: 'bad',
  GREEN: 'good', YELLOW: 'warn', RED: 'bad',
  POOR: 'bad', UNSTABLE: 'warn', MARGINAL: 'warn', NONE: 'neutral',
  IMPORTED: 'good', DUPLICATE: 'warn', REJECTED: 'bad',
};

export function badge(kind, code) {
  if (code == null) return null;
  return h(`span.badge.${TONES[code] || 'neutral'}`, {dataset: {code}}, label(kind, code));
}

/** Previous / next for one page of {items, page, size, total}. */
export function pager(pageOf, go) {
  const pages = Math.max(1, Math.ceil(pageOf.total / pageOf.size));
  if (pages <= 1) return null;
  return h('nav.pager', {'aria-label': t('common.pages')},
    button(t('common.previous'), () => go(pageOf.page - 1), '', {disabled: pageOf.page <= 0}),
    h('span', t('common.pageOf', {page: pageOf.page + 1, pages: number(pages)})),
    button(t('common.next'), () => go(pageOf.page + 1), '', {disabled: pageOf.page + 1 >= pages}));
}

/** A progress bar: a percentage, or null while nobody knows how long it takes. */
export function progress(percent, text) {
  const bar = h('div.progress', {role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100},
    h('div.progress-fill'));
  const caption = h('p.progress-text', {'aria-live': 'polite'});
  const box = h('div.progress-box', bar, caption);
  box.update = (p, words) => {
    if (p == null) {
      bar.classList.add('indeterminate');
      bar.removeAttribute('aria-valuenow');
    } else {
      bar.classList.remove('indeterminate');
      bar.setAttribute('aria-valuenow', Math.round(p));
      bar.firstChild.style.width = `${Math.max(0, Math.min(100, p))}%`;
    }
    caption.textContent = words || '';
  };
  box.update(percent, text);
  return box;
}

let toastTimer;

export function toast(text, kind = 'good') {
  const region = document.getElementById('toast');
  replace(region, h(`div.toast.${kind}`, text));
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => replace(region), 4000);
}

/**
 * A modal question. fields: [{name, label, type, options, required}] for a small form; answers the values, or null
 * when cancelled.
 */
export function ask({title, text, fields = [], confirm = t('common.confirm'), danger = false}) {
  return new Promise(resolve => {
    const inputs = fields.map(f => {
      const id = `ask-${f.name}`;
      const input = f.options
        ? h('select', {id, name: f.name, required: f.required}, f.options.map(([value, words]) =>
          h('option', {value}, words)))
        : h(f.type === 'textarea' ? 'textarea' : 'input', {id, name: f.name, required: f.required,
          type: f.type === 'textarea' ? null : (f.type || 'text'), maxlength: f.maxlength || 200, rows: 3});
      return h('div.field', h('label', {for: id}, f.label), input);
    });
    const form = h('form', {method: 'dialog'},
      h('h2', title),
      text ? h('p', text) : null,
      inputs,
      h('div.actions',
        h('button', {type: 'button', value: 'cancel', onclick: () => {
          dialog.close('cancel');
        }}, t('common.cancel')),
        h(`button.${danger ? 'danger' : 'primary'}`, {type: 'submit', value: 'ok'}, confirm)));
    const dialog = h('dialog.ask', form);
    form.addEventListener('submit', event => {
      event.preventDefault();
      if (!form.reportValidity()) return;
      dialog.close('ok');
    });
    dialog.addEventListener('close', () => {
      const values = dialog.returnValue === 'ok'
        ? Object.fromEntries(fields.map(f => [f.name, form.elements[f.name].value.trim()])) : null;
      dialog.remove();
      resolve(values);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A table that scrolls sideways on a narrow screen instead of widening the page. */
export function table(columns, rows, options = {}) {
  return h('div.table-wrap', {tabindex: 0, role: 'region', 'aria-label': options.caption || ''},
    h(`table${options.className ? '.' + options.className : ''}`,
      options.caption ? h('caption', options.caption) : null,
      h('thead', h('tr', columns.map(c => h('th', {scope: 'col', class: c.className}, c.title)))),
      h('tbody', rows.map(row => h('tr', columns.map((c, i) =>
        h(i === 0 ? 'th' : 'td', {scope: i === 0 ? 'row' : null, class: c.className}, c.cell(row))))))));
}

/** A label and a value, for the detail pages' definition lists. */
export function facts(pairs) {
  return h('dl.facts', pairs.filter(p => p && p[1] != null && p[1] !== '').map(([term, value]) =>
    h('div', h('dt', term), h('dd', value))));
}
