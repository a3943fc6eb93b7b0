// The campaign dashboard: the funnel (registered → offered → intent agreed → transport arranged → back at work) in
// all, by town or village, by poverty status and by special group; as charts and as numbers. Every number and every
// bar opens the list of the workers behind it.

import {h, replace} from '../dom.js';
import {t, label, number, dateTime} from '../i18n.js';
import {get, query} from '../api.js';
import {button, empty, errorBox, linkButton, loading, pageHeader, section, table} from '../ui.js';
import {chartJs} from '../libs.js';
import {STAGES, stageFigure} from '../vocab.js';
import {go, href} from '../app.js';

/** Lighter to darker along the funnel. */
export const STAGE_COLOURS = {
  REGISTERED: '#cdd9e5', OFFERED: '#8db4de', INTENT_AGREED: '#e8b75a', TRANSPORT_ARRANGED: '#4f9f6c',
  RETURNED_TO_WORK: '#5b3f99', WITHDRAWN: '#9aa39e',
};

export async function render(page, ctx) {
  ctx.title(t('dashboard.title'));
  const town = ctx.query.town || '';
  const village = ctx.query.village || '';
  const charts = [];
  const body = h('div', loading());
  page.append(pageHeader(t('dashboard.title'), button(t('common.refresh'), () => ctx.rerender(), 'small')), body);

  const drill = (stage, filters) => href('/office/drill', {stage, town, village, ...filters});
  let summary;
  let all;
  try {
    [summary, all] = await Promise.all([
      get(`/api/monitoring/summary${query({town, village})}`),
      town || village ? get('/api/monitoring/summary') : null,
    ]);
  } catch (error) {
    replace(body, errorBox(error, ctx.rerender));
    return undefined;
  }
  if (!ctx.isCurrent()) return undefined;
  all = all || summary;

  if (all.total.registered === 0) {
    replace(body, empty(t('dashboard.empty'), linkButton('#/office/workers/new', t('workers.registerOne'), 'primary'),
      linkButton('#/office/workers/import', t('workers.import'))));
    return undefined;
  }

  const townSelect = h('select#filter-town', {onchange: () => go('/office', {town: townSelect.value})},
    h('option', {value: ''}, t('dashboard.allTowns')),
    all.byTown.map(x => h('option', {value: x.town, selected: x.town === town}, x.town)));
  const villageSelect = h('select#filter-village',
    {onchange: () => go('/office', {town, village: villageSelect.value}), disabled: !town},
    h('option', {value: ''}, t('dashboard.allVillages')),
    all.byVillage.filter(v => v.town === town).map(v => h('option', {value: v.village, selected: v.village === village},
      v.village)));

  const total = summary.total;
  const funnel = h('ul.funnel', {dataset: {figures: 'total'}}, [...STAGES, 'WITHDRAWN'].map(stage => {
    const n = stageFigure(total, stage);
    return h('li.stage', {style: {'--stage': STAGE_COLOURS[stage]}, dataset: {stage}},
      h('span.stage-name', label('stage', stage)),
      h('a', {href: drill(stage), class: 'figure', 'aria-label': t('dashboard.showWorkers',
        {stage: label('stage', stage), count: n})}, h('span.big', number(n))),
      stage !== 'REGISTERED' && stage !== 'WITHDRAWN' && total.registered
        ? h('span.rate', t('dashboard.ofRegistered', {percent: number(100 * n / total.registered, 1)})) : null);
  }));

  // By village inside one town (or when the campaign has only one), by town across the county.
  const villageTown = town || (summary.byTown.length === 1 ? summary.byTown[0].town : '');
  const places = villageTown
    ? summary.byVillage.filter(v => v.town === villageTown).map(v => ({name: v.village, funnel: v.funnel,
      filters: {town: villageTown, village: v.village}}))
    : summary.byTown.map(x => ({name: x.town, funnel: x.funnel, filters: {town: x.town}}));
  const poverty = summary.byPovertyStatus.map(p => ({name: label('poverty', p.povertyStatus), funnel: p.funnel,
    filters: {povertyStatus: p.povertyStatus}}));
  const groups = summary.specialGroups.map(g => ({name: label('group', g.specialGroup), funnel: g.funnel,
    filters: {specialGroup: g.specialGroup}}));

  const funnelCanvas = h('canvas', {role: 'img', 'aria-label': t('dashboard.funnelChart')});
  const placeCanvas = h('canvas', {role: 'img', 'aria-label': t('dashboard.placeChart')});
  const povertyCanvas = h('canvas', {role: 'img', 'aria-label': t('dashboard.povertyChart')});
  const placeTitle = villageTown ? t('dashboard.byVillage', {town: villageTown}) : t('dashboard.byTown');

  replace(body,
    h('div.filters',
      h('div.field', h('label', {for: 'filter-town'}, t('field.town')), townSelect),
      h('div.field', h('label', {for: 'filter-village'}, t('field.village')), villageSelect),
      h('p.legend-note', t('dashboard.countedAt', {time: dateTime(summary.computedAt)}))),
    h('p.muted', t('dashboard.explain')),
    funnel,
    h('div.grid.two',
      section(t('dashboard.funnel'), h('div.chart-box', funnelCanvas)),
      section(t('dashboard.byPovertyNow'), h('div.chart-box', povertyCanvas))),
    section(villageTown ? t('dashboard.byVillageNow', {town: villageTown}) : t('dashboard.byTownNow'),
      h('div.chart-box', {style: {height: `${Math.max(220, places.length * 34 + 90)}px`}}, placeCanvas),
      h('p.legend-note', t('dashboard.nestedNote'))),
    section(t('dashboard.numbers'),
      figuresTable(placeTitle, places, drill),
      h('br'),
      figuresTable(t('dashboard.byPoverty'), poverty, drill),
      groups.length ? [h('br'), figuresTable(t('dashboard.bySpecialGroup'), groups, drill)] : null));

  try {
    const Chart = await chartJs();
    if (!ctx.isCurrent()) return undefined;
    Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
    charts.push(funnelChart(Chart, funnelCanvas, total, stage => go('/office/drill', {stage, town, village})));
    // A part of a bar is the workers at exactly that status: the worker list filtered by it shows them.
    const openStatus = (status, row) => go('/office/workers', {status, town, village, ...row.filters});
    charts.push(statusChart(Chart, placeCanvas, places, openStatus));
    charts.push(statusChart(Chart, povertyCanvas, poverty, openStatus));
  } catch (error) {
    body.prepend(errorBox(error));
  }
  return () => charts.forEach(c => c.destroy());
}

/** Rows of places or groups, a column per stage; every figure is a link to its workers. */
function figuresTable(caption, rows, drill) {
  const stages = [...STAGES, 'WITHDRAWN'];
  return table([
    {title: '', cell: r => r.name},
    ...stages.map(stage => ({title: label('stage', stage), className: 'num', cell: r => {
      const n = stageFigure(r.funnel, stage);
      return n ? h('a', {href: drill(stage, r.filters), dataset: {stage}}, number(n)) : '0';
    }})),
  ], rows, {caption, className: 'figures'});
}

function funnelChart(Chart, canvas, total, open) {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: STAGES.map(s => label('stage', s)),
      datasets: [{data: STAGES.map(s => stageFigure(total, s)), backgroundColor: STAGES.map(s => STAGE_COLOURS[s]),
        borderRadius: 4}],
    },
    options: {
      indexAxis: 'y', maintainAspectRatio: false, animation: false,
      plugins: {legend: {display: false}},
      scales: {x: {beginAtZero: true, ticks: {precision: 0}}},
      onClick: (event, elements) => {
        if (elements.length) open(STAGES[elements[0].index]);
      },
      onHover: (event, elements) => {
        event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
      },
    },
  });
}

/** How many stand at exactly this status now (the funnel's figures count "this stage or beyond"). */
export function atStatus(funnel, status) {
  switch (status) {
    case 'REGISTERED': return funnel.registered - funnel.offered - funnel.withdrawn;
    case 'OFFERED': return funnel.offered - funnel.intentAgreed;
    case 'INTENT_AGREED': return funnel.intentAgreed - funnel.transportArranged;
    case 'TRANSPORT_ARRANGED': return funnel.transportArranged - funnel.returnedToWork;
    case 'RETURNED_TO_WORK': return funnel.returnedToWork;
    default: return funnel.withdrawn;
  }
}

const STATUSES = [...STAGES, 'WITHDRAWN'];

/** One bar per place or group, cut by where its workers stand now; a part opens the workers at that status. */
function statusChart(Chart, canvas, rows, open) {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map(r => r.name),
      datasets: STATUSES.map(status => ({
        label: label('status', status), data: rows.map(r => atStatus(r.funnel, status)),
        backgroundColor: STAGE_COLOURS[status], borderWidth: 0, maxBarThickness: 40,
      })),
    },
    options: {
      indexAxis: 'y', maintainAspectRatio: false, animation: false,
      plugins: {legend: {position: 'bottom', labels: {boxWidth: 12}}},
      scales: {x: {stacked: true, beginAtZero: true, ticks: {precision: 0}}, y: {stacked: true}},
      onClick: (event, elements) => {
        if (elements.length) open(STATUSES[elements[0].datasetIndex], rows[elements[0].index]);
      },
    },
  });
}
