// A worker registers on their own phone, in plain words; the ID number and phone are checked as they type.

import {h, replace} from '../dom.js';
import {t} from '../i18n.js';
import {post, signInWorker} from '../api.js';
import {form} from '../form.js';
import {normaliseId, normalisePhone} from '../checks.js';
import {button, errorBox, notice} from '../ui.js';
import {registrationFields, registrationValues} from '../worker-form.js';
import {go} from '../app.js';

export async function render(page, ctx) {
  ctx.title(t('self.title'));
  const before = h('div');
  const fields = await registrationFields('self');
  const el = form(fields, async (ignored, formEl) => {
    const values = registrationValues(formEl);
    values.idNumber = normaliseId(values.idNumber);
    values.phone = normalisePhone(values.phone);
    replace(before);
    let answer;
    try {
      answer = await post('/api/workers/self-register', values, {anonymous: true});
    } catch (error) {
      if (error.status === 409) {
        replace(before, notice(h('span', t('self.alreadyRegistered'), ' ',
          h('a', {href: '#/worker/sign-in'}, t('nav.workerSignIn'))), 'warn'));
      }
      throw error;
    }
    done(page, answer, values);
  }, {submit: t('self.submit'), busy: t('self.busy')});
  page.append(h('div.narrow.wide-form',
    h('h1', t('self.title')),
    h('p.lead', t('self.lead')),
    before, el));
}

function done(page, answer, values) {
  const status = h('div');
  const signIn = async () => {
    replace(status, notice(t('self.signingIn')));
    try {
      await signInWorker(values.idNumber, values.phone, answer.reference);
      go('/worker');
    } catch (error) {
      replace(status, errorBox(error), button(t('common.retry'), signIn, 'primary'));
    }
  };
  replace(page, h('div.narrow',
    h('h1', t('self.doneTitle')),
    h('section.card.center',
      h('p', t('self.yourReference')),
      h('p', h('span.big-code', {dataset: {reference: answer.reference}}, answer.reference)),
      h('p', h('strong', t('self.writeItDown'))),
      h('p.muted', t('self.referenceUse')),
      button(t('self.continue'), signIn, 'primary wide')),
    status));
  window.scrollTo(0, 0);
}
