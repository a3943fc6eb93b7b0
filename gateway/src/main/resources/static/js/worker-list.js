// Workers as a list of cards (WorkerRow: masked ID and phone), each opening the worker's page.

import {h} from './dom.js';
import {t, label, date} from './i18n.js';
import {badge} from './ui.js';

export function workerList(rows) {
  return h('ul.list.columns', {dataset: {list: 'workers'}}, rows.map(w => h('li', {dataset: {worker: w.workerId}},
    h('div.list-title', h('a', {href: `#/office/workers/${encodeURIComponent(w.workerId)}`}, w.name),
      h('span.row', badge('poverty', w.povertyStatus), badge('status', w.status))),
    h('ul.meta',
      h('li', w.idNumberMasked),
      h('li', w.phoneMasked),
      h('li', t('workers.ageSex', {age: w.age, sex: label('sex', w.sex)})),
      h('li', `${w.town} · ${w.village}`),
      h('li', h('a', {href: `#/office/households/${encodeURIComponent(w.householdId)}`},
        t('workers.household', {id: w.householdId}))),
      (w.specialGroups || []).length ? h('li', w.specialGroups.map(g => label('group', g)).join('、')) : null,
      h('li', t('workers.registeredOn', {date: date(w.registeredAt)}))))));
}
