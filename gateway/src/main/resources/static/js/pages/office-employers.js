// Employers: enterprises, cooperatives, industrial parks, the town's public-welfare programme, the headquarters.

import {h, replace} from '../dom.js';
import {t} from '../i18n.js';
import {get, post} from '../api.js';
import {field, form, input, select} from '../form.js';
import {badge, empty, errorBox, loading, pageHeader, section, toast} from '../ui.js';
import {EMPLOYER_KINDS, options} from '../vocab.js';

export async function render(page, ctx) {
  ctx.title(t('employers.title'));
  const list = h('div', loading());
  const kind = select('kind', options('employerKind', EMPLOYER_KINDS), {placeholder: t('common.choose')});
  page.append(pageHeader(t('employers.title')),
    h('div.grid.sidebar',
      h('div', list),
      section(t('employers.register'), form([
        field('name', t('employers.name'), input('name', {maxlength: 200})),
        field('kind', t('employers.kind'), kind),
        field('town', t('field.town'), input('town', {maxlength: 100}), {hint: t('employers.townHint')}),
        field('contactName', t('employers.contactName'), input('contactName', {maxlength: 100})),
        field('contactPhone', t('employers.contactPhone'), input('contactPhone', {type: 'tel', maxlength: 40})),
        field('location.name', t('employers.locationName'), input('location.name', {maxlength: 200})),
        field('location.city', t('jobNew.siteCity'), input('location.city', {maxlength: 100})),
        field('location.lat', t('field.lat'), input('location.lat', {type: 'number', step: 'any'})),
        field('location.lon', t('field.lon'), input('location.lon', {type: 'number', step: 'any'})),
      ], async values => {
        const location = values.location || {};
        if (Object.values(location).every(v => v == null)) values.location = null;
        const employer = await post('/api/employers', values);
        toast(t('employers.done', {name: employer.name}));
        ctx.rerender();
      }, {submit: t('employers.submit')}))));
  try {
    const employers = await get('/api/employers');
    if (!ctx.isCurrent()) return;
    replace(list, employers.length ? h('ul.list', {dataset: {list: 'employers'}}, employers.map(e =>
      h('li', {dataset: {employer: e.id}},
        h('div.list-title', h('strong', e.name), badge('employerKind', e.kind)),
        h('ul.meta',
          // The id a sheet of postings names its employer by.
          h('li', t('employers.id', {id: e.id})),
          e.town ? h('li', e.town) : null,
          e.location ? h('li', `${e.location.name}（${e.location.city}）`) : null,
          e.contactName ? h('li', `${e.contactName} ${e.contactPhone || ''}`) : null))))
      : empty(t('employers.empty')));
  } catch (error) {
    replace(list, errorBox(error, ctx.rerender));
  }
}
