// The web app's shell: the header with the menu for the signed-in role, the language switch, and the hash router
// that loads each page's module when it is first visited.

import {h, replace} from './dom.js';
import {t, loadLanguage, language} from './i18n.js';
import {currentUser, hasRole, onSessionChange, signOut, whenExpired} from './api.js';
import {errorBox, linkButton, loading} from './ui.js';

const OFFICE = 'LABOUR_OFFICE';
const COORDINATOR = 'TRANSPORT_COORDINATOR';
const WORKER = 'WORKER';

/** Path pattern, who may see it, and the module that draws it. */
const ROUTES = [
  ['/', null, () => import('./pages/welcome.js')],
  ['/sign-in', null, () => import('./pages/staff-sign-in.js')],
  ['/worker/register', null, () => import('./pages/worker-register.js')],
  ['/worker/sign-in', null, () => import('./pages/worker-sign-in.js')],
  ['/worker', WORKER, () => import('./pages/worker-home.js')],
  ['/office', OFFICE, () => import('./pages/office-dashboard.js')],
  ['/office/drill', OFFICE, () => import('./pages/office-drill.js')],
  ['/office/at-risk', OFFICE, () => import('./pages/office-at-risk.js')],
  ['/office/workers', OFFICE, () => import('./pages/office-workers.js')],
  ['/office/workers/new', OFFICE, () => import('./pages/office-register.js')],
  ['/office/workers/import', OFFICE, () => import('./pages/office-import.js')],
  ['/office/workers/:workerId', OFFICE, () => import('./pages/office-worker.js')],
  ['/office/households/:householdId', OFFICE, () => import('./pages/office-household.js')],
  ['/office/jobs', OFFICE, () => import('./pages/office-jobs.js')],
  ['/office/jobs/new', OFFICE, () => import('./pages/office-job-new.js')],
  ['/office/jobs/import', OFFICE, () => import('./pages/office-job-import.js')],
  ['/office/employers', OFFICE, () => import('./pages/office-employers.js')],
  ['/transport', COORDINATOR, () => import('./pages/transport-plan.js')],
  ['/transport/trips/:tripId', COORDINATOR, () => import('./pages/transport-trip.js')],
  ['/transport/vehicles', COORDINATOR, () => import('./pages/transport-vehicles.js')],
  ['/transport/subsidies', COORDINATOR, () => import('./pages/transport-subsidies.js')],
].map(([pattern, role, load]) => ({pattern, role, load, ...compile(pattern)}));

const MENUS = {
  [OFFICE]: [['/office', 'nav.dashboard'], ['/office/at-risk', 'nav.atRisk'], ['/office/workers', 'nav.workers'],
    ['/office/jobs', 'nav.jobs'], ['/office/employers', 'nav.employers']],
  [COORDINATOR]: [['/transport', 'nav.plan'], ['/transport/vehicles', 'nav.vehicles'],
    ['/transport/subsidies', 'nav.subsidies']],
  [WORKER]: [['/worker', 'nav.myJob']],
};

function compile(pattern) {
  const names = [];
  const source = pattern.replace(/:(\w+)/g, (whole, name) => {
    names.push(name);
    return '([^/]+)';
  });
  return {regex: new RegExp(`^${source}/?$`), names};
}

/** The hash as a path and its query: #/office/workers?town=x → ['/office/workers', {town: 'x'}]. */
function location() {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  return [path || '/', Object.fromEntries(new URLSearchParams(search))];
}

export function href(path, query = {}) {
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v != null && v !== '')).toString();
  return `#${path}${search ? '?' + search : ''}`;
}

export function go(path, query) {
  const target = href(path, query);
  if (window.location.hash === target) render();
  else window.location.hash = target;
}

/** The page a signed-in user starts on. */
export function homeOf(user) {
  if (!user) return '/';
  if (user.roles.includes(OFFICE)) return '/office';
  if (user.roles.includes(COORDINATOR)) return '/transport';
  if (user.roles.includes(WORKER)) return '/worker';
  return '/';
}

let current = {cleanup: null, serial: 0};

async function render() {
  const [path, query] = location();
  const serial = ++current.serial;
  if (typeof current.cleanup === 'function') current.cleanup();
  current.cleanup = null;
  renderHeader(path);
  const main = document.getElementById('main');
  const route = ROUTES.find(r => r.regex.test(path));
  if (!route) {
    document.title = `${t('error.notFound.title')} · ${t('app.name')}`;
    replace(main, h('div.page', errorBox({status: 404, detail: t('error.noSuchPage'), problem: {}}),
      linkButton('#/', t('nav.home'))));
    return;
  }
  const match = path.match(route.regex);
  const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
  if (route.role && !currentUser()) {
    go(route.role === WORKER ? '/worker/sign-in' : '/sign-in', {next: path + searchOf(query)});
    return;
  }
  if (route.role && !hasRole(route.role)) {
    document.title = `${t('error.forbidden.title')} · ${t('app.name')}`;
    replace(main, h('div.page', errorBox({status: 403, problem: {}}),
      h('p', linkButton(`#${homeOf(currentUser())}`, t('nav.myHome')))));
    return;
  }
  replace(main, loading());
  try {
    const page = await route.load();
    if (serial !== current.serial) return;
    const container = h('div.page', {dataset: {page: path.split('/').slice(1, 3).join('-') || 'welcome'}});
    replace(main, container);
    const ctx = {
      params, query, path,
      isCurrent: () => serial === current.serial,
      title: words => {
        document.title = `${words} · ${t('app.name')}`;
      },
      rerender: render,
    };
    current.cleanup = await page.render(container, ctx);
    if (serial !== current.serial && typeof current.cleanup === 'function') current.cleanup();
  } catch (error) {
    if (serial !== current.serial) return;
    console.error(error);
    replace(main, h('div.page', errorBox(error, render)));
  }
  main.focus({preventScroll: true});
}

function searchOf(query) {
  const text = new URLSearchParams(query).toString();
  return text ? `?${text}` : '';
}

function renderHeader(path) {
  const user = currentUser();
  const role = user ? [OFFICE, COORDINATOR, WORKER].find(r => user.roles.includes(r)) : null;
  const menu = role ? MENUS[role] : [['/worker/register', 'nav.register'], ['/worker/sign-in', 'nav.workerSignIn'],
    ['/sign-in', 'nav.staffSignIn']];
  const active = menu.map(([p]) => p).filter(p => path === p || path.startsWith(p + '/'))
    .sort((a, b) => b.length - a.length)[0];
  const other = language() === 'en' ? 'zh-CN' : 'en';
  replace(document.getElementById('header'),
    h('div.bar',
      h('a.brand', {href: `#${homeOf(user)}`}, h('span.brand-mark', {'aria-hidden': 'true'}, '春'), t('app.name')),
      h('div.bar-tools',
        h('button.lang', {type: 'button', lang: other, 'aria-label': t('nav.switchLanguage'),
          onclick: async () => {
            await loadLanguage(other);
            document.getElementById('skip').textContent = t('nav.skip');
            render();
          }}, t('nav.otherLanguage')),
        user ? h('button.sign-out', {type: 'button', onclick: async () => {
          await signOut();
          go(role === WORKER ? '/worker/sign-in' : '/sign-in');
        }}, t('nav.signOut')) : null)),
    h('nav.menu', {'aria-label': t('nav.menu')},
      menu.map(([p, key]) => h('a', {href: `#${p}`, 'aria-current': p === active ? 'page' : null}, t(key)))),
    user && role !== WORKER ? h('p.who', t('nav.signedInAs', {name: user.subject, role: t(`role.${role}`)})) : null);
}

whenExpired(() => {
  const [path, query] = location();
  if (path.includes('sign-in')) return;
  const worker = path.startsWith('/worker');
  sessionStorage.setItem('chunfeng.expired', '1');
  go(worker ? '/worker/sign-in' : '/sign-in', {next: path + searchOf(query)});
});

onSessionChange(() => renderHeader(location()[0]));

async function start() {
  await loadLanguage();
  document.title = t('app.name');
  const skip = document.getElementById('skip');
  skip.textContent = t('nav.skip');
  skip.addEventListener('click', event => {
    // Not a hash link: the hash is the router's.
    event.preventDefault();
    document.getElementById('main').focus();
  });
  window.addEventListener('hashchange', render);
  render();
}

start();
