// The front door: workers register or sign in; staff sign in.

import {h} from '../dom.js';
import {t} from '../i18n.js';
import {currentUser} from '../api.js';
import {go, homeOf} from '../app.js';

export function render(page, ctx) {
  const user = currentUser();
  if (user) {
    go(homeOf(user));
    return;
  }
  ctx.title(t('welcome.title'));
  page.append(
    h('div.welcome-hero', h('h1', t('welcome.title')), h('p', t('welcome.lead'))),
    h('div.doors',
      door('#/worker/register', t('welcome.register.title'), t('welcome.register.text')),
      door('#/worker/sign-in', t('welcome.workerSignIn.title'), t('welcome.workerSignIn.text')),
      door('#/sign-in', t('welcome.staff.title'), t('welcome.staff.text'))));
}

function door(href, title, text) {
  return h('a.door', {href}, h('strong', title), h('span', text));
}
