// The buses lent to the campaign: the list, and registering one (plate, seats, driver, depot, free days).

import {h, replace} from '../dom.js';
import {t, date, today, addDays} from '../i18n.js';
import {get, post} from '../api.js';
import {field, form, input} from '../form.js';
import {empty, errorBox, loading, pageHeader, section, toast} from '../ui.js';

const DEPOT = {lat: 33.1496, lon: 116.1985};

export async function render(page, ctx) {
  ctx.title(t('vehicles.title'));
  const list = h('div', loading());
  page.append(pageHeader(t('vehicles.title')),
    h('div.grid.sidebar',
      h('div', list),
      section(t('vehicles.register'), form([
        field('plate', t('vehicles.plate'), input('plate', {maxlength: 12, autocapitalize: 'characters',
          placeholder: '皖S12345'})),
        field('seats', t('vehicles.seats'), input('seats', {type: 'number', min: 1, max: 80, inputmode: 'numeric'})),
        field('operator', t('vehicles.operator'), input('operator', {maxlength: 100})),
        field('driverName', t('vehicles.driverName'), input('driverName', {maxlength: 50})),
        field('driverPhone', t('vehicles.driverPhone'), input('driverPhone', {type: 'tel', inputmode: 'tel',
          maxlength: 11})),
        field('depotLat', t('vehicles.depotLat'), input('depotLat', {type: 'number', step: 'any', value: DEPOT.lat})),
        field('depotLon', t('vehicles.depotLon'), input('depotLon', {type: 'number', step: 'any', value: DEPOT.lon}),
          {hint: t('vehicles.depotHint')}),
        field('availableFrom', t('vehicles.availableFrom'), input('availableFrom', {type: 'date', value: today()})),
        field('availableTo', t('vehicles.availableTo'), input('availableTo', {type: 'date',
          value: addDays(today(), 30)})),
      ], async values => {
        const vehicle = await post('/api/vehicles', values);
        toast(t('vehicles.done', {plate: vehicle.plate}));
        ctx.rerender();
      }, {submit: t('vehicles.submit')}))));
  try {
    const vehicles = await get('/api/vehicles');
    if (!ctx.isCurrent()) return;
    replace(list, vehicles.length ? [h('p', h('strong', t('vehicles.total', {count: vehicles.length}))),
      h('ul.list', {dataset: {list: 'vehicles'}}, vehicles.map(v => h('li', {dataset: {vehicle: v.id}},
        h('div.list-title', h('strong', v.plate), h('span', t('vehicles.seatCount', {seats: v.seats}))),
        h('ul.meta',
          h('li', v.operator),
          h('li', `${v.driverName} ${v.driverPhone}`),
          h('li', t('vehicles.free', {from: date(v.availableFrom), to: date(v.availableTo)}))))))]
      : empty(t('vehicles.empty')));
  } catch (error) {
    replace(list, errorBox(error, ctx.rerender));
  }
}
