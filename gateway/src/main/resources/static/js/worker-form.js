// The registration form, in two voices: plain words for a worker registering on a phone ('self'), and the
// labour office's fuller form ('office'). Both send the same RegistrationForm to employment-service.

import {h, replace} from './dom.js';
import {t, today} from './i18n.js';
import {get} from './api.js';
import {checkboxes, field, input, liveCheck, radios, readForm, select} from './form.js';
import {idCheck, phoneCheck} from './checks.js';
import {loadPlaces, towns, village, villages} from './places.js';
import {FITNESS, GROUPS, INTENTS, POVERTY, SKILLS, options} from './vocab.js';
import {button} from './ui.js';

const MAX_SKILLS = 5;

/** The form's fields, grouped in sections; the caller wraps them in form(). */
export async function registrationFields(mode) {
  const self = mode === 'self';
  const places = await loadPlaces();
  const county = places.counties[0];
  const w = key => t(`${self ? 'self' : 'register'}.${key}`);

  const countySelect = select('county', places.counties.map(c => [c.name, c.name]), {value: county.name});
  const townSelect = select('town', [], {placeholder: t('common.choose')});
  const villageSelect = select('village', [], {placeholder: t('common.choose')});
  const pointName = input('collectionPoint.name', {maxlength: 60, type: self ? 'hidden' : 'text',
    list: self ? null : 'collection-points'});
  const pointList = h('datalist#collection-points');
  const homeLat = input('home.lat', {type: self ? 'hidden' : 'number', step: 'any', kind: 'number'});
  const homeLon = input('home.lon', {type: self ? 'hidden' : 'number', step: 'any', kind: 'number'});
  const located = h('p.hint', {'aria-live': 'polite'});

  const fillTowns = () => {
    const list = towns(places, countySelect.value);
    replace(townSelect, h('option', {value: ''}, t('common.choose')),
      list.map(x => h('option', {value: x.name}, x.name)));
    if (list.length === 1) townSelect.value = list[0].name;
    fillVillages();
  };
  const fillVillages = () => {
    const list = villages(places, countySelect.value, townSelect.value);
    replace(villageSelect, h('option', {value: ''}, t('common.choose')),
      list.map(v => h('option', {value: v.name}, v.name)));
    villageChosen();
  };
  const villageChosen = async () => {
    const v = village(places, countySelect.value, townSelect.value, villageSelect.value);
    if (!v) {
      located.textContent = self ? t('self.chooseVillageFirst') : '';
      return;
    }
    pointName.value = v.collectionPoint;
    homeLat.value = v.lat;
    homeLon.value = v.lon;
    located.textContent = self ? t('self.pickupAt', {point: v.collectionPoint}) : '';
    if (!self) {
      try {
        const known = await get(`/api/collection-points?county=${encodeURIComponent(countySelect.value)}&town=${
          encodeURIComponent(townSelect.value)}&village=${encodeURIComponent(v.name)}`);
        replace(pointList, known.map(p => h('option', {value: p.name})));
      } catch {
        // The picker is a convenience; the name can still be typed.
      }
    }
  };
  countySelect.addEventListener('change', fillTowns);
  townSelect.addEventListener('change', fillVillages);
  villageSelect.addEventListener('change', villageChosen);
  fillTowns();

  const useLocation = button(t('self.useMyLocation'), () => {
    if (!navigator.geolocation) {
      located.textContent = t('self.locationUnavailable');
      return;
    }
    located.textContent = t('self.locating');
    navigator.geolocation.getCurrentPosition(position => {
      homeLat.value = position.coords.latitude.toFixed(6);
      homeLon.value = position.coords.longitude.toFixed(6);
      located.textContent = t('self.located');
    }, () => {
      located.textContent = t('self.locationRefused');
    }, {timeout: 10000, maximumAge: 600000});
  }, 'small');

  const skills = skillRows(self);
  const cities = places.cities || [];

  const sections = [
    h('fieldset.card',
      h('legend.section-title', w('about')),
      h('div.form-grid',
        field('name', w('name'), input('name', {autocomplete: 'name', maxlength: 50, required: true})),
        field('idNumber', t('field.idNumber'), liveCheck(input('idNumber', {maxlength: 22, autocomplete: 'off',
          autocapitalize: 'characters', required: true}), idCheck, t('check.id.ok')), {hint: w('idNumberHint')}),
        field('phone', t('field.phone'), liveCheck(input('phone', {type: 'tel', inputmode: 'tel', maxlength: 16,
          autocomplete: 'tel', required: true}), phoneCheck, t('check.phone.ok')), {hint: w('phoneHint')}))),
    h('fieldset.card',
      h('legend.section-title', w('household')),
      h('div.form-grid',
        field('householdId', w('householdId'), input('householdId', {maxlength: 40, required: true}),
          {hint: w('householdIdHint')}),
        field('povertyStatus', w('povertyStatus'), self
          ? radios('povertyStatus', POVERTY.map(p => [p, t(`self.poverty.${p}`)]))
          : select('povertyStatus', options('poverty', POVERTY), {placeholder: t('common.choose')}),
        {className: self ? 'span-2' : null}),
        field('specialGroups', w('specialGroups'), checkboxes('specialGroups', options('group', GROUPS)),
          {hint: w('specialGroupsHint'), className: 'span-2'}))),
    h('fieldset.card',
      h('legend.section-title', w('home')),
      h('div.form-grid',
        field('county', t('field.county'), countySelect),
        field('town', t('field.town'), townSelect),
        field('village', t('field.village'), villageSelect),
        self ? pointName : field('collectionPoint.name',
          t('field.collectionPoint'), h('div', pointName, pointList), {hint: t('register.collectionPointHint')}),
        self
          ? h('div.field.span-2', {dataset: {field: 'home'}}, homeLat, homeLon, located, useLocation,
            h('p.field-error'))
          : [field('home.lat', t('field.homeLat'), homeLat), field('home.lon', t('field.homeLon'), homeLon,
            {hint: t('register.homeHint')})])),
    h('fieldset.card',
      h('legend.section-title', w('work')),
      h('div.form-grid',
        h('div.span-2', skills.el),
        field('intent', w('intent'), radios('intent', INTENTS.map(i => [i, t(`self.intent.${i}`)]), 'EITHER'),
          {className: 'span-2'}),
        field('preferredCities', w('preferredCities'), checkboxes('preferredCities', cities.map(c => [c, c])),
          {hint: w('preferredCitiesHint'), className: 'span-2'}),
        field('minMonthlyWage', w('minMonthlyWage'), input('minMonthlyWage', {type: 'number', min: 0, step: 100,
          inputmode: 'numeric'}), {hint: w('minMonthlyWageHint')}),
        field('availableFrom', w('availableFrom'), input('availableFrom', {type: 'date', value: today()})))),
    h('fieldset.card',
      h('legend.section-title', w('health')),
      h('div.form-grid',
        field('fitness', w('fitness'), radios('fitness', FITNESS.map(f => [f, t(`self.fitness.${f}`)]), 'GREEN'),
          {className: 'span-2'}),
        field('fitnessCheckedOn', w('fitnessCheckedOn'), input('fitnessCheckedOn', {type: 'date', value: today(),
          max: today()})))),
  ];
  return sections;
}

/** Skills with years of experience, as rows the user adds and removes; paths stay skills[i].skill / .years. */
function skillRows(self) {
  const rows = h('div.skill-rows');
  const add = button(t('register.addSkill'), () => addRow(), 'small');
  const el = h('div.field', {dataset: {field: 'skills'}},
    h('p.label', h('strong', t(self ? 'self.skills' : 'register.skills'))),
    h('p.hint', t(self ? 'self.skillsHint' : 'register.skillsHint')),
    rows, add, h('p.field-error'));

  function renumber() {
    [...rows.children].forEach((row, i) => {
      row.querySelectorAll('[data-field]').forEach(f => {
        f.dataset.field = f.dataset.field.replace(/skills\[\d+\]/, `skills[${i}]`);
      });
      row.querySelectorAll('[data-path]').forEach(c => {
        c.dataset.path = c.dataset.path.replace(/skills\[\d+\]/, `skills[${i}]`);
        c.name = c.dataset.path;
      });
    });
    add.disabled = rows.children.length >= MAX_SKILLS;
  }

  function addRow() {
    const i = rows.children.length;
    const row = h('div.skill-row',
      field(`skills[${i}].skill`, t('register.skill'), select(`skills[${i}].skill`, options('skill', SKILLS),
        {placeholder: t('common.choose')})),
      field(`skills[${i}].years`, t('register.years'), input(`skills[${i}].years`, {type: 'number', min: 0, max: 60,
        inputmode: 'numeric'})),
      button('✕', () => {
        row.remove();
        renumber();
      }, 'small ghost', {'aria-label': t('register.removeSkill'), title: t('register.removeSkill')}));
    rows.append(row);
    renumber();
  }

  /** Drops rows left empty, so a blank row never reaches the server, and the paths stay in step with the rows. */
  rows.prune = () => {
    [...rows.children].forEach(row => {
      if ([...row.querySelectorAll('select, input')].every(c => c.value.trim() === '')) row.remove();
    });
    renumber();
  };

  addRow();
  return {el};
}

/** The form's values with empty skill rows left out (removed from the form too, so errors land on the right row). */
export function registrationValues(formEl) {
  const rows = formEl.querySelector('.skill-rows');
  if (rows) rows.prune();
  const values = readForm(formEl);
  values.skills = values.skills || [];
  return values;
}
