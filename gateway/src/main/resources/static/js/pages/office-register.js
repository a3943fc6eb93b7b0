// The labour office registers one worker (a door-to-door check, a phone survey).

import {h, replace} from '../dom.js';
import {t} from '../i18n.js';
import {post} from '../api.js';
import {form} from '../form.js';
import {normaliseId, normalisePhone} from '../checks.js';
import {linkButton, notice, pageHeader, toast} from '../ui.js';
import {registrationFields, registrationValues} from '../worker-form.js';
import {go} from '../app.js';

export async function render(page, ctx) {
  ctx.title(t('register.title'));
  const before = h('div');
  const fields = await registrationFields('office');
  page.append(
    pageHeader(t('register.title'), linkButton('#/office/workers/import', t('workers.import'), 'small')),
    before,
    form(fields, async (ignored, formEl) => {
      const values = registrationValues(formEl);
      values.idNumber = normaliseId(values.idNumber);
      values.phone = normalisePhone(values.phone);
      replace(before);
      try {
        const worker = await post('/api/workers', values);
        toast(t('register.done', {name: worker.name}));
        go(`/office/workers/${encodeURIComponent(worker.workerId)}`);
      } catch (error) {
        if (error.status === 409 && error.problem.existingWorkerId) {
          replace(before, notice(h('span', t('register.duplicate'), ' ', h('a', {href: `#/office/workers/${
            encodeURIComponent(error.problem.existingWorkerId)}`}, t('register.openExisting'))), 'warn'));
        }
        throw error;
      }
    }, {submit: t('register.submit')}));
}
