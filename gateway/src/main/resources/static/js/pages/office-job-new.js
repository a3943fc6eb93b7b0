// Posting a job on behalf of an employer: openings, site, wage, start date and who it suits.

import {h} from '../dom.js';
import {t, addDays, today} from '../i18n.js';
import {get, post} from '../api.js';
import {checkboxes, field, form, input, select} from '../form.js';
import {empty, errorBox, linkButton, pageHeader, toast} from '../ui.js';
import {GROUPS, SKILLS, options} from '../vocab.js';
import {go} from '../app.js';

export async function render(page, ctx) {
  ctx.title(t('jobNew.title'));
  page.append(pageHeader(t('jobNew.title')));
  let employers;
  try {
    employers = await get('/api/employers');
  } catch (error) {
    page.append(errorBox(error, ctx.rerender));
    return;
  }
  if (!employers.length) {
    page.append(empty(t('jobNew.noEmployers'), linkButton('#/office/employers', t('employers.register'), 'primary')));
    return;
  }
  const employer = select('employerId', employers.map(e => [e.id, e.name]), {placeholder: t('common.choose')});
  const siteName = input('site.name', {maxlength: 200});
  const siteCity = input('site.city', {maxlength: 100});
  const siteLat = input('site.lat', {type: 'number', step: 'any'});
  const siteLon = input('site.lon', {type: 'number', step: 'any'});
  employer.addEventListener('change', () => {
    const chosen = employers.find(e => e.id === employer.value);
    if (chosen && chosen.location) {
      siteName.value = siteName.value || chosen.location.name;
      siteCity.value = siteCity.value || chosen.location.city;
      siteLat.value = siteLat.value || chosen.location.location.lat;
      siteLon.value = siteLon.value || chosen.location.location.lon;
    }
  });
  page.append(form([
    h('fieldset.card', h('legend.section-title', t('jobNew.job')), h('div.form-grid',
      field('employerId', t('jobNew.employer'), employer, {className: 'span-2'}),
      field('title', t('jobNew.jobTitle'), input('title', {maxlength: 200}), {className: 'span-2'}),
      field('category', t('jobNew.category'), select('category', options('skill', SKILLS),
        {placeholder: t('common.choose')})),
      field('openings', t('jobNew.openings'), input('openings', {type: 'number', min: 1, inputmode: 'numeric'})),
      field('monthlyWage', t('jobNew.monthlyWage'), input('monthlyWage', {type: 'number', min: 0, step: 100,
        inputmode: 'numeric'})),
      field('startDate', t('jobNew.startDate'), input('startDate', {type: 'date', value: addDays(today(), 7)})),
      field('accommodation', t('jobNew.accommodation'), h('span.choice', input('accommodation',
        {type: 'checkbox'}), h('span', t('jobNew.accommodationYes')))),
      field('requiredSkills', t('jobNew.requiredSkills'), checkboxes('requiredSkills', options('skill', SKILLS)),
        {className: 'span-2', hint: t('jobNew.requiredSkillsHint')}))),
    h('fieldset.card', h('legend.section-title', t('jobNew.site')), h('div.form-grid',
      field('site.name', t('jobNew.siteName'), siteName),
      field('site.city', t('jobNew.siteCity'), siteCity, {hint: t('jobNew.siteCityHint')}),
      field('site.lat', t('field.lat'), siteLat),
      field('site.lon', t('field.lon'), siteLon))),
    h('fieldset.card', h('legend.section-title', t('jobNew.who')), h('div.form-grid',
      field('minAge', t('jobNew.minAge'), input('minAge', {type: 'number', min: 16, max: 100, placeholder: '16'})),
      field('maxAge', t('jobNew.maxAge'), input('maxAge', {type: 'number', min: 0, max: 100}),
        {hint: t('jobNew.maxAgeHint')}),
      field('suitableFor', t('jobNew.suitableFor'), checkboxes('suitableFor', options('group', GROUPS)),
        {className: 'span-2', hint: t('jobNew.suitableForHint')}))),
  ], async values => {
    const job = await post('/api/jobs', values);
    toast(t('jobNew.done', {title: job.title}));
    go('/office/jobs');
  }, {submit: t('jobNew.submit')}));
}
