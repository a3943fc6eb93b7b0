// One plan per household (一户一方案): its registered members and how many of them are placed.

import {replace} from '../dom.js';
import {t, label} from '../i18n.js';
import {get} from '../api.js';
import {errorBox, facts, loading, pageHeader, section} from '../ui.js';
import {workerList} from '../worker-list.js';

export async function render(page, ctx) {
  const {householdId} = ctx.params;
  ctx.title(t('household.title', {id: householdId}));
  page.append(loading());
  try {
    const household = await get(`/api/households/${encodeURIComponent(householdId)}`);
    if (!ctx.isCurrent()) return;
    replace(page,
      pageHeader(t('household.title', {id: household.householdId})),
      section(null, facts([
        [t('field.povertyStatus'), household.povertyStatus.map(p => label('poverty', p)).join('、')],
        [t('worker.place'), `${household.town} ${household.village}`],
        [t('household.members'), household.members],
        [t('household.placed'), household.placed],
      ])),
      workerList(household.workers));
  } catch (error) {
    replace(page, errorBox(error, ctx.rerender));
  }
}
