// Forms: fields named by the JSON path the services use in problem+json errors[] (home.lat, skills[1].years), so
// each error the server sends lands beside its own field.

import {h, replace} from './dom.js';
import {t, serverMessage} from './i18n.js';
import {describeError} from './ui.js';

let counter = 0;

function idFor(path) {
  counter += 1;
  return `f${counter}-${path.replace(/[^a-z0-9]/gi, '-')}`;
}

/** One field: label, control, optional hint, and the place its error is shown. */
export function field(path, labelText, control, {hint, className} = {}) {
  const isGroup = control.tagName === 'FIELDSET';
  const target = control.matches('input, select, textarea') ? control
    : isGroup ? null : control.querySelector('input, select, textarea');
  const labelled = target || control;
  const id = labelled.id || (labelled.id = idFor(path));
  const hintEl = hint ? h('p.hint', {id: `${id}-hint`}, hint) : null;
  const errorEl = h('p.field-error', {id: `${id}-error`, 'aria-live': 'polite'});
  const describedBy = [hintEl && hintEl.id, errorEl.id].filter(Boolean).join(' ');
  if (target) target.setAttribute('aria-describedby', describedBy);
  if (isGroup) control.setAttribute('aria-describedby', describedBy);
  return h(`div.field${className ? '.' + className : ''}`, {dataset: {field: path}},
    isGroup ? null : h('label', {for: id}, labelText),
    isGroup ? (control.prepend(h('legend', labelText)), control) : control,
    hintEl, errorEl);
}

export function input(path, attrs = {}) {
  const {kind, ...rest} = attrs;
  return h('input', {name: path, type: 'text', ...rest, dataset: {path, type: kind || typeFor(rest.type)}});
}

function typeFor(type) {
  return type === 'number' ? 'number' : type === 'checkbox' ? 'bool' : 'text';
}

export function textarea(path, attrs = {}) {
  return h('textarea', {name: path, rows: 3, ...attrs, dataset: {path, type: 'text'}});
}

/** options: [[value, words], ...]; a first empty option when a placeholder is given. */
export function select(path, options, attrs = {}) {
  const {placeholder, value, ...rest} = attrs;
  const el = h('select', {name: path, ...rest, dataset: {path, type: 'text'}},
    placeholder != null ? h('option', {value: ''}, placeholder) : null,
    options.map(([v, words]) => h('option', {value: v}, words)));
  if (value != null) el.value = value;
  return el;
}

/** Several choices sent as a list (special groups, suitable for). */
export function checkboxes(path, options, checked = []) {
  return h('fieldset.choices', {dataset: {path, type: 'list'}},
    options.map(([value, words]) => {
      const id = idFor(`${path}-${value}`);
      return h('span.choice', h('input', {type: 'checkbox', id, value, checked: checked.includes(value)}),
        h('label', {for: id}, words));
    }));
}

/** Radio buttons drawn as big tappable choices (plain-language forms). */
export function radios(path, options, checked) {
  const name = idFor(path);
  return h('fieldset.choices.radios', {dataset: {path, type: 'radio'}},
    options.map(([value, words, hint]) => {
      const id = idFor(`${path}-${value}`);
      return h('span.choice', h('input', {type: 'radio', name, id, value, checked: value === checked}),
        h('label', {for: id}, words, hint ? h('small', hint) : null));
    }));
}

/** The form's values as the JSON the API expects, built from every control's path. */
export function readForm(form) {
  const out = {};
  for (const el of form.querySelectorAll('[data-path]')) {
    if (el.closest('[data-skip]')) continue;
    setPath(out, el.dataset.path, valueOf(el));
  }
  return out;
}

function valueOf(el) {
  switch (el.dataset.type) {
    case 'number': {
      const text = el.value.trim();
      return text === '' ? null : Number(text.replace(',', '.'));
    }
    case 'bool': return el.checked;
    case 'list': return [...el.querySelectorAll('input:checked')].map(c => c.value);
    case 'radio': {
      const chosen = el.querySelector('input:checked');
      return chosen ? chosen.value : null;
    }
    case 'csv': return el.value.split(/[,，、;；\s]+/).map(s => s.trim()).filter(Boolean);
    default: {
      const text = el.value.trim();
      return text === '' ? null : text;
    }
  }
}

export function setPath(target, path, value) {
  const keys = path.match(/[^.[\]]+/g);
  let node = target;
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    const nextIsIndex = !last && /^\d+$/.test(keys[i + 1]);
    if (last) node[key] = value;
    else node = node[key] ?? (node[key] = nextIsIndex ? [] : {});
  });
  return target;
}

export function clearErrors(form) {
  form.querySelectorAll('.field.invalid').forEach(f => f.classList.remove('invalid'));
  form.querySelectorAll('.field-error').forEach(e => {
    e.textContent = '';
  });
  form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  const summary = form.querySelector('.form-errors');
  if (summary) replace(summary);
}

/** Shows one message beside the field with this path (or its nearest enclosing field); false when none has it. */
export function setFieldError(form, path, message) {
  let key = path;
  while (key) {
    const fieldEl = form.querySelector(`.field[data-field="${CSS.escape(key)}"]`);
    if (fieldEl) {
      fieldEl.classList.add('invalid');
      const errorEl = fieldEl.querySelector(':scope > .field-error');
      errorEl.textContent = errorEl.textContent ? `${errorEl.textContent}; ${message}` : message;
      fieldEl.querySelectorAll('input, select, textarea').forEach(c => c.setAttribute('aria-invalid', 'true'));
      return true;
    }
    key = key.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (key === path) break;
  }
  return false;
}

export function clearFieldError(form, path) {
  const fieldEl = form.querySelector(`.field[data-field="${CSS.escape(path)}"]`);
  if (!fieldEl) return;
  fieldEl.classList.remove('invalid');
  fieldEl.querySelector(':scope > .field-error').textContent = '';
  fieldEl.querySelectorAll('[aria-invalid]').forEach(c => c.removeAttribute('aria-invalid'));
}

/**
 * Puts an API error on the form: each errors[] entry beside its field, the rest (and any other problem) in the
 * summary at the top. Focuses the first field in error.
 */
export function showProblem(form, error, fieldNames = {}) {
  clearErrors(form);
  const summary = form.querySelector('.form-errors');
  const loose = [];
  for (const {field: path, message} of error.errors || []) {
    const words = serverMessage(message);
    if (!setFieldError(form, path, words)) loose.push(`${fieldNames[path] || path}: ${words}`);
  }
  const {title, detail} = describeError(error);
  const placed = (error.errors || []).length - loose.length;
  const heading = placed > 0 ? t('form.fixFields', {count: placed}) : title;
  replace(summary, h('div.alert.error', {role: 'alert'},
    h('strong', heading),
    placed === 0 && detail && !loose.length ? h('p', detail) : null,
    loose.length ? h('ul', loose.map(text => h('li', text))) : null,
    error.requestId ? h('p.request-id', t('error.requestId', {id: error.requestId})) : null));
  const first = form.querySelector('.field.invalid input, .field.invalid select, .field.invalid textarea');
  if (first) first.focus();
  else summary.scrollIntoView({block: 'nearest'});
}

/** A form whose submit button shows it is working and cannot be pressed twice. */
export function form(children, onSubmit, {submit = t('common.save'), busy = t('common.saving'), extra} = {}) {
  const button = h('button.primary', {type: 'submit'}, submit);
  const el = h('form.form', {novalidate: true},
    h('div.form-errors'),
    children,
    h('div.actions.form-actions', button, extra));
  el.addEventListener('submit', async event => {
    event.preventDefault();
    if (button.disabled) return;
    clearErrors(el);
    button.disabled = true;
    const label = button.textContent;
    button.textContent = busy;
    el.setAttribute('aria-busy', 'true');
    try {
      await onSubmit(readForm(el), el);
    } catch (error) {
      showProblem(el, error);
    } finally {
      button.disabled = false;
      button.textContent = label;
      el.removeAttribute('aria-busy');
    }
  });
  return el;
}

/**
 * Checks a field as it is typed: check(value, partial) answers a message or null. While typing only outright
 * mistakes show; on leaving the field, everything; a valid value gets a tick (okText).
 */
export function liveCheck(control, check, okText) {
  const update = partial => {
    const fieldEl = control.closest('.field');
    if (!fieldEl) return;
    const form = control.closest('form');
    const message = check(control.value, partial);
    clearFieldError(form, fieldEl.dataset.field);
    let ok = fieldEl.querySelector(':scope > .field-ok');
    if (!ok) {
      ok = h('p.field-ok', {'aria-live': 'polite'});
      fieldEl.querySelector(':scope > .field-error').before(ok);
    }
    const valid = !message && control.value.trim() !== '' && !check(control.value, false);
    ok.textContent = valid && okText ? okText : '';
    fieldEl.classList.toggle('ok', valid);
    if (message) setFieldError(form, fieldEl.dataset.field, message);
  };
  control.addEventListener('input', () => update(true));
  control.addEventListener('blur', () => {
    if (control.value.trim() !== '') update(false);
  });
  return control;
}
