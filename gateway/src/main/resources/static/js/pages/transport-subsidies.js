// Fare subsidies (补贴车费): paid where no bus fits, with totals by town and by travel date.

import {h, replace} from '../dom.js';
import {t, number, yuan, date, serverMessage} from '../i18n.js';
import {get, query} from '../api.js';
import {empty, errorBox, linkButton, loading, pageHeader, section, table} from '../ui.js';
import {go} from '../app.js';

export async function render(page, ctx) {
  ctx.title(t('subsidies.title'));
  const {date: day = '', town = ''} = ctx.query;
  const dateInput = h('input#filter-date', {type: 'date', value: day});
  const townInput = h('input#filter-town', {value: town});
  const filters = h('form.filters', {onsubmit: event => {
    event.preventDefault();
    go('/transport/subsidies', {date: dateInput.value, town: townInput.value.trim()});
  }},
  h('div.field', h('label', {for: 'filter-date'}, t('subsidies.date')), dateInput),
  h('div.field', h('label', {for: 'filter-town'}, t('field.town')), townInput),
  h('div.actions', h('button.primary', {type: 'submit'}, t('common.filter')),
    linkButton('#/transport/subsidies', t('common.clear'))));
  const body = h('div', loading());
  page.append(pageHeader(t('subsidies.title')), h('p.lead', t('subsidies.lead')), filters, body);
  try {
    const ledger = await get(`/api/subsidies${query({date: day, town})}`);
    if (!ctx.isCurrent()) return;
    if (!ledger.entries.length) {
      replace(body, empty(t('subsidies.empty'), linkButton('#/transport', t('nav.plan'))));
      return;
    }
    const totals = ledger.totals;
    replace(body,
      h('dl.summary-figures',
        h('div', h('dt', t('subsidies.riders')), h('dd', number(totals.riders))),
        h('div', h('dt', t('subsidies.amount')), h('dd', yuan(totals.amountYuan)))),
      h('div.grid.two',
        section(t('subsidies.byTown'), table([
          {title: t('field.town'), cell: r => r.key},
          {title: t('subsidies.riders'), className: 'num', cell: r => number(r.riders)},
          {title: t('subsidies.amount'), className: 'num', cell: r => yuan(r.amountYuan)},
        ], totals.byTown)),
        section(t('subsidies.byDate'), table([
          {title: t('subsidies.date'), cell: r => date(r.key)},
          {title: t('subsidies.riders'), className: 'num', cell: r => number(r.riders)},
          {title: t('subsidies.amount'), className: 'num', cell: r => yuan(r.amountYuan)},
        ], totals.byDate))),
      section(t('subsidies.entries'), table([
        {title: t('subsidies.worker'), cell: e => e.workerId},
        {title: t('field.town'), cell: e => e.town},
        {title: t('subsidies.date'), cell: e => date(e.travelDate)},
        {title: t('subsidies.distance'), className: 'num', cell: e => t('common.km', {km: number(e.distanceKm)})},
        {title: t('subsidies.amount'), className: 'num', cell: e => yuan(e.amountYuan)},
        {title: t('subsidies.reason'), cell: e => serverMessage(e.reason)},
      ], ledger.entries, {caption: t('subsidies.entries')})));
  } catch (error) {
    replace(body, errorBox(error, ctx.rerender));
  }
}
