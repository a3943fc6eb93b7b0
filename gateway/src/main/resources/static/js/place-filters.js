// Town and village filters for the office lists, with the county's places as suggestions.

import {h} from './dom.js';
import {t} from './i18n.js';
import {loadPlaces} from './places.js';
import {button} from './ui.js';

/**
 * A filter bar; apply(values) runs on submit with {town, village, ...controls by name}. lead: controls put before
 * the places (the ones most used), extra: after them.
 */
export async function placeFilters({town = '', village = '', lead = []}, apply, ...extra) {
  const places = await loadPlaces();
  const towns = places.counties.flatMap(c => c.towns);
  const townInput = h('input#filter-town', {value: town, list: 'filter-towns', autocomplete: 'off'});
  const villageInput = h('input#filter-village', {value: village, list: 'filter-villages', autocomplete: 'off'});
  const el = h('form.filters', {role: 'search'},
    lead,
    h('div.field', h('label', {for: 'filter-town'}, t('field.town')), townInput,
      h('datalist#filter-towns', towns.map(x => h('option', {value: x.name})))),
    h('div.field', h('label', {for: 'filter-village'}, t('field.village')), villageInput,
      h('datalist#filter-villages', towns.flatMap(x => x.villages).map(v => h('option', {value: v.name})))),
    extra,
    h('div.actions', h('button.primary', {type: 'submit'}, t('common.filter')),
      button(t('common.clear'), () => apply({}))));
  el.addEventListener('submit', event => {
    event.preventDefault();
    const values = {town: townInput.value.trim(), village: villageInput.value.trim()};
    el.querySelectorAll('select[name], input[name]').forEach(c => {
      values[c.name] = c.value;
    });
    apply(values);
  });
  return el;
}
