// Every word on screen comes from one dictionary per language (i18n/<lang>.json); Chinese unless the user switches.

const LANGUAGES = ['zh-CN', 'en'];
const STORE_KEY = 'chunfeng.lang';

let lang = LANGUAGES[0];
let words = {};
let serverMessages = [];

export function language() {
  return lang;
}

export function languages() {
  return LANGUAGES;
}

export async function loadLanguage(wanted) {
  const chosen = LANGUAGES.includes(wanted) ? wanted
    : LANGUAGES.includes(localStorage.getItem(STORE_KEY)) ? localStorage.getItem(STORE_KEY) : LANGUAGES[0];
  const response = await fetch(`/i18n/${chosen}.json`, {cache: 'no-cache'});
  const dictionary = await response.json();
  lang = chosen;
  serverMessages = (dictionary['server.messages'] || []).map(([pattern, text]) => [new RegExp(pattern), text]);
  delete dictionary['server.messages'];
  words = dictionary;
  localStorage.setItem(STORE_KEY, chosen);
  document.documentElement.lang = chosen;
  return chosen;
}

/** The text for a key, with {name} placeholders filled; the key itself when the dictionary lacks it. */
export function t(key, params = {}) {
  const text = words[key];
  if (text == null) {
    console.warn('missing text', key);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (params[name] == null ? whole : String(params[name])));
}

export function has(key) {
  return words[key] != null;
}

/** A code from the API (status, poverty status, skill, ...) in words: enum.<kind>.<CODE>, or the code itself. */
export function label(kind, code) {
  if (code == null || code === '') return '';
  const key = `enum.${kind}.${code}`;
  return words[key] != null ? words[key] : String(code);
}

/** The services explain field errors in English; say the common ones in the user's language. */
export function serverMessage(message) {
  if (!message) return '';
  for (const [pattern, text] of serverMessages) {
    const m = message.match(pattern);
    if (m) return text.replace(/\$(\d)/g, (whole, i) => m[Number(i)] ?? '');
  }
  return message;
}

/**
 * Why an offer or placement ended: jobs-service sends a code (JOB_CLOSED, WORKER_WITHDRAWN, ...), a person typed a
 * reason, or a service explained in English; each said in the user's language where it can be.
 */
export function reasonText(reason) {
  if (!reason) return '';
  const key = `enum.offerReason.${reason}`;
  return words[key] != null ? words[key] : serverMessage(reason);
}

/** Two texts in a record (reasonZh / reasonEn, zh / en): the one in the user's language. */
export function pick(zh, en) {
  return lang === 'en' ? (en || zh || '') : (zh || en || '');
}

export function number(n, digits = 0) {
  if (n == null || Number.isNaN(Number(n))) return '–';
  return Number(n).toLocaleString(lang, {maximumFractionDigits: digits, minimumFractionDigits: 0});
}

export function yuan(n) {
  if (n == null) return '–';
  return t('common.yuan', {amount: number(n, 2)});
}

const ZONE = 'Asia/Shanghai';

export function date(value) {
  if (!value) return '–';
  // A LocalDate (2026-02-20) is a day, not an instant: show it as written.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(lang, {timeZone: 'UTC', month: 'short', day: 'numeric',
      year: 'numeric', weekday: 'short'});
  }
  return new Date(value).toLocaleDateString(lang, {timeZone: ZONE, month: 'short', day: 'numeric', year: 'numeric'});
}

/** A day without its year (2月10日周二), where space is short and the year is plain from the context. */
export function shortDate(isoDate) {
  if (!isoDate) return '–';
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(lang, {timeZone: 'UTC', month: 'short', day: 'numeric',
    weekday: 'short'});
}

export function time(value) {
  if (!value) return '–';
  return new Date(value).toLocaleTimeString(lang, {timeZone: ZONE, hour: '2-digit', minute: '2-digit'});
}

export function dateTime(value) {
  if (!value) return '–';
  return new Date(value).toLocaleString(lang, {timeZone: ZONE, month: 'short', day: 'numeric', hour: '2-digit',
    minute: '2-digit'});
}

/** Today in the campaign's time zone, as 2026-02-20. */
export function today() {
  return new Date().toLocaleDateString('en-CA', {timeZone: ZONE});
}

export function addDays(isoDate, days) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
