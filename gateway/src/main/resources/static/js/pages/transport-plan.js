// The day's plan: every bus of a travel date with its route on the map, lock and unlock, and re-planning.

import {h, replace} from '../dom.js';
import {t, number, date, shortDate, time, today} from '../i18n.js';
import {get, post} from '../api.js';
import {badge, button, empty, errorBox, linkButton, loading, notice, pageHeader, progress, section, toast}
  from '../ui.js';
import {colourOf, drawRoutes, routeLegend} from '../route-map.js';
import {go} from '../app.js';

export async function render(page, ctx) {
  ctx.title(t('plan.title'));
  let dates;
  try {
    dates = await get('/api/travel-dates');
  } catch (error) {
    page.append(pageHeader(t('plan.title')), errorBox(error, ctx.rerender));
    return undefined;
  }
  if (!ctx.isCurrent()) return undefined;
  const asked = /^\d{4}-\d{2}-\d{2}$/.test(ctx.query.date || '') ? ctx.query.date : null;
  if (!dates.length && !asked) {
    page.append(pageHeader(t('plan.title')),
      empty(t('plan.noDates'), linkButton('#/transport/vehicles', t('plan.registerBus'), 'primary'),
        linkButton('#/transport/subsidies', t('nav.subsidies'))));
    return undefined;
  }
  const day = asked || defaultDay(dates);
  const known = dates.find(d => d.date === day);
  const choices = known ? dates : [...dates, {date: day, riders: 0}].sort((a, b) => a.date.localeCompare(b.date));
  const at = choices.findIndex(d => d.date === day);
  const cleanups = [];
  const dateSelect = h('select#plan-date', {dataset: {travelDates: dates.length}, onchange: () => go('/transport',
    {date: dateSelect.value})}, choices.map(d => h('option', {value: d.date, selected: d.date === day},
    dateOption(d))));
  const figuresBox = h('div', known ? dateFigures(known) : notice(t('plan.noRidersOnDate', {date: date(day)}), 'info'));
  const planBox = h('div');
  const body = h('div', loading());

  const replan = async () => {
    replanButton.disabled = true;
    const bar = progress(null, t('plan.planning'));
    replace(planBox, section(null, bar));
    try {
      const summary = await post(`/api/trips/plan?date=${day}`);
      if (!ctx.isCurrent()) return;
      replace(planBox, planSummary(summary));
      toast(t('plan.planned'));
      await showTrips();
      const now = (await get('/api/travel-dates')).find(d => d.date === day);
      if (now && ctx.isCurrent()) replace(figuresBox, dateFigures(now));
    } catch (error) {
      replace(planBox, errorBox(error, replan));
    } finally {
      replanButton.disabled = false;
    }
  };
  const replanButton = button(t('plan.replan'), replan, 'primary', {dataset: {action: 'replan'}});
  const step = offset => {
    const next = choices[at + offset];
    return button(offset < 0 ? '‹' : '›', () => next && go('/transport', {date: next.date}), 'small',
      {'aria-label': t(offset < 0 ? 'plan.previousDate' : 'plan.nextDate'), disabled: !next});
  };

  page.append(
    pageHeader(t('plan.title'), replanButton),
    h('div.row.date-bar', step(-1), h('label.sr-only', {for: 'plan-date'}, t('plan.date')), dateSelect, step(1)),
    figuresBox, planBox, body);

  async function showTrips() {
    cleanups.splice(0).forEach(c => c());
    replace(body, loading());
    let trips;
    try {
      trips = await get(`/api/trips?date=${day}`);
    } catch (error) {
      replace(body, errorBox(error, showTrips));
      return;
    }
    if (!ctx.isCurrent()) return;
    if (!trips.length) {
      replace(body, empty(t('plan.empty'), button(t('plan.replan'), replan, 'primary'),
        linkButton('#/transport/vehicles', t('nav.vehicles'))));
      return;
    }
    const mapEl = h('div.map.tall', {role: 'img', 'aria-label': t('plan.mapLabel')});
    const riders = trips.reduce((n, trip) => n + trip.riders.length, 0);
    replace(body,
      h('p', h('strong', t('plan.count', {buses: trips.length, riders: number(riders)}))),
      section(t('plan.routes'), mapEl, routeLegend(trips)),
      h('ul.list.columns', {dataset: {list: 'trips'}}, trips.map((trip, i) => tripItem(trip, i, showTrips))));
    try {
      cleanups.push(await drawRoutes(mapEl, trips, {onSelect: trip => go(`/transport/trips/${encodeURIComponent(
        trip.id)}`)}));
    } catch (error) {
      mapEl.replaceWith(errorBox(error));
    }
  }

  await showTrips();
  return () => cleanups.splice(0).forEach(c => c());
}

/** The first date from today on with riders; failing that, the last one. */
function defaultDay(dates) {
  const now = today();
  const next = dates.find(d => d.date >= now);
  return (next || dates[dates.length - 1]).date;
}

function dateOption(d) {
  if (!d.riders) return t('plan.dateOptionEmpty', {date: shortDate(d.date)});
  return t('plan.dateOption', {date: shortDate(d.date), riders: number(d.riders)})
    + (d.unplanned ? t('plan.dateOptionUnplanned', {count: number(d.unplanned)}) : '');
}

/** Where the chosen date stands: riders, seats, subsidies and who is still to be planned. */
function dateFigures(d) {
  return h('div', {dataset: {travelDate: d.date}},
    h('dl.summary-figures.compact',
      figure(t('plan.riders'), number(d.riders)),
      figure(t('plan.buses'), number(d.trips)),
      figure(t('plan.seated'), number(d.seated)),
      figure(t('plan.subsidised'), number(d.subsidised)),
      figure(t('plan.unplanned'), number(d.unplanned)),
      figure(t('plan.arrived'), number(d.arrived))),
    d.unplanned ? notice(t('plan.unplannedHint', {count: number(d.unplanned)}), 'warn') : null);
}

function planSummary(s) {
  return section(t('plan.summaryTitle'),
    h('dl.summary-figures', {dataset: {summary: 'plan'}},
      figure(t('plan.buses'), number(s.buses)),
      figure(t('plan.bound'), t('plan.boundValue', {seats: s.boundBySeats, city: s.boundByCity})),
      figure(t('plan.seated'), number(s.seated)),
      figure(t('plan.subsidised'), number(s.subsidised)),
      figure(t('plan.seatsChanged'), number(s.seatsChanged)),
      figure(t('plan.vehicleKm'), t('common.km', {km: number(s.vehicleKm)}))),
    h('p.muted', t('plan.took', {ms: number(s.totalMillis)})));
}

function figure(term, value) {
  return h('div', h('dt', term), h('dd', value));
}

function tripItem(trip, index, reload) {
  const toggleLock = async () => {
    try {
      await post(`/api/trips/${encodeURIComponent(trip.id)}/${trip.locked ? 'unlock' : 'lock'}`);
      toast(trip.locked ? t('trip.unlocked') : t('trip.locked'));
      reload();
    } catch (error) {
      toast(error.detail || t('error.unexpected'), 'bad');
    }
  };
  const pickups = trip.stops.filter(s => s.kind === 'PICKUP');
  const first = pickups[0];
  const cities = [...new Set(trip.riders.map(r => r.site.city))];
  return h('li', {dataset: {trip: trip.id, status: trip.status}, style: {borderLeft: `6px solid ${colourOf(index)}`}},
    h('div.list-title', h('a', {href: `#/transport/trips/${encodeURIComponent(trip.id)}`}, trip.plate),
      h('span.row', trip.locked ? badge('lock', 'LOCKED') : null, badge('tripStatus', trip.status))),
    h('ul.meta',
      h('li', t('trip.seatsUsed', {riders: trip.riders.length, capacity: trip.capacity})),
      h('li', t('common.km', {km: number(trip.distanceKm)})),
      first ? h('li', t('trip.firstPickup', {place: first.place.name, time: time(first.time)})) : null,
      h('li', t('trip.pickups', {count: pickups.length})),
      cities.length ? h('li', cities.join('、')) : null,
      h('li', `${trip.driverName} ${trip.driverPhone}`)),
    h('div.actions',
      linkButton(`#/transport/trips/${encodeURIComponent(trip.id)}`, t('trip.manifest'), 'small primary'),
      trip.status === 'PLANNED' ? button(trip.locked ? t('trip.unlock') : t('trip.lock'), toggleLock, 'small',
        {dataset: {action: trip.locked ? 'unlock' : 'lock'}}) : null));
}
