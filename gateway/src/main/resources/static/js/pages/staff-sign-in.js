// Sign-in for labour office staff, transport coordinators and administrators.

import {h} from '../dom.js';
import {t} from '../i18n.js';
import {signInStaff} from '../api.js';
import {field, form, input} from '../form.js';
import {notice} from '../ui.js';
import {go, homeOf} from '../app.js';

export function render(page, ctx) {
  ctx.title(t('signIn.title'));
  const expired = sessionStorage.getItem('chunfeng.expired');
  sessionStorage.removeItem('chunfeng.expired');
  const username = input('username', {autocomplete: 'username', required: true, autocapitalize: 'off'});
  page.append(h('div.narrow',
    h('h1', t('signIn.title')),
    expired ? notice(t('signIn.expired'), 'warn') : null,
    h('section.card',
      form([
        field('username', t('signIn.username'), username),
        field('password', t('signIn.password'),
          input('password', {type: 'password', autocomplete: 'current-password', required: true})),
      ], async values => {
        const user = await signInStaff(values.username || '', values.password || '');
        const next = ctx.query.next;
        go(next && !next.includes('sign-in') ? next : homeOf(user));
      }, {submit: t('signIn.submit'), busy: t('signIn.busy')})),
    h('p.muted', t('signIn.workerHint'), ' ', h('a', {href: '#/worker/sign-in'}, t('nav.workerSignIn')))));
  username.focus();
}
