// A worker signs in with their ID number, phone number and the reference they were given when registering.

import {h} from '../dom.js';
import {t} from '../i18n.js';
import {signInWorker} from '../api.js';
import {field, form, input, liveCheck} from '../form.js';
import {idCheck, phoneCheck, normaliseId, normalisePhone} from '../checks.js';
import {notice} from '../ui.js';
import {go} from '../app.js';

export function render(page, ctx) {
  ctx.title(t('workerSignIn.title'));
  const expired = sessionStorage.getItem('chunfeng.expired');
  sessionStorage.removeItem('chunfeng.expired');
  const idNumber = liveCheck(input('idNumber', {inputmode: 'text', autocomplete: 'off', maxlength: 22,
    autocapitalize: 'characters'}), idCheck, t('check.id.ok'));
  const phone = liveCheck(input('phone', {type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: 16}),
    phoneCheck, t('check.phone.ok'));
  const reference = input('reference', {autocomplete: 'off', autocapitalize: 'characters', maxlength: 12,
    placeholder: 'CF-XXXXXX'});
  page.append(h('div.narrow',
    h('h1', t('workerSignIn.title')),
    h('p.lead', t('workerSignIn.lead')),
    expired ? notice(t('signIn.expired'), 'warn') : null,
    h('section.card', form([
      field('idNumber', t('field.idNumber'), idNumber),
      field('phone', t('field.phone'), phone),
      field('reference', t('field.reference'), reference, {hint: t('workerSignIn.referenceHint')}),
    ], async values => {
      await signInWorker(normaliseId(values.idNumber), normalisePhone(values.phone),
        (values.reference || '').toUpperCase());
      go('/worker');
    }, {submit: t('workerSignIn.submit'), busy: t('signIn.busy')})),
    h('p.muted', t('workerSignIn.notRegistered'), ' ', h('a', {href: '#/worker/register'}, t('nav.register')))));
}
