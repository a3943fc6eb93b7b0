// One bus's manifest for the day of travel: riders stop by stop, checked on at the pickup (or marked no-show),
// departure with anyone missing shown, and each rider handed over at their site (安全护送).

import {h, replace} from '../dom.js';
import {t, number, date, time, dateTime} from '../i18n.js';
import {get, post} from '../api.js';
import {ask, badge, button, errorBox, facts, linkButton, loading, notice, pageHeader, section, toast}
  from '../ui.js';
import {drawRoutes} from '../route-map.js';

export async function render(page, ctx) {
  const {tripId} = ctx.params;
  const id = encodeURIComponent(tripId);
  ctx.title(t('trip.title'));
  let removeMap = null;
  let trip;
  const cleanup = () => {
    if (removeMap) removeMap();
    removeMap = null;
  };

  const act = async (path, done) => {
    try {
      const answer = await post(`/api/trips/${id}/${path}`);
      toast(done);
      return answer;
    } catch (error) {
      toast(error.detail || t('error.unexpected'), 'bad');
      return null;
    }
  };

  const show = async () => {
    cleanup();
    try {
      trip = await get(`/api/trips/${id}`);
    } catch (error) {
      replace(page, errorBox(error, show));
      return;
    }
    if (!ctx.isCurrent()) return;
    ctx.title(t('trip.titleOf', {plate: trip.plate}));
    const mapEl = h('div.map', {role: 'img', 'aria-label': t('trip.mapLabel')});
    const planned = trip.status === 'PLANNED';
    const departed = trip.status === 'DEPARTED';
    const count = status => trip.riders.filter(r => r.status === status).length;
    const missing = departed || trip.status === 'COMPLETED' ? trip.riders.filter(r => r.status === 'ASSIGNED') : [];

    const depart = async () => {
      const waiting = trip.riders.filter(r => r.status === 'ASSIGNED');
      const yes = await ask({title: t('trip.depart'), confirm: t('trip.depart'), danger: waiting.length > 0,
        text: waiting.length ? t('trip.departMissing', {count: waiting.length, names: waiting.map(r => r.name)
          .join('、')}) : t('trip.departAll')});
      if (!yes) return;
      if (await act('depart', t('trip.departed'))) show();
    };
    const cancel = async () => {
      const values = await ask({title: t('trip.cancel'), text: t('trip.cancelText'), danger: true,
        confirm: t('trip.cancel'), fields: [{name: 'reason', label: t('trip.cancelReason'), required: true}]});
      if (!values) return;
      try {
        await post(`/api/trips/${id}/cancel`, {reason: values.reason});
        toast(t('trip.cancelled'));
        show();
      } catch (error) {
        toast(error.detail || t('error.unexpected'), 'bad');
      }
    };
    const lock = async () => {
      if (await act(trip.locked ? 'unlock' : 'lock', trip.locked ? t('trip.unlocked') : t('trip.locked'))) show();
    };

    replace(page,
      pageHeader(t('trip.titleOf', {plate: trip.plate}),
        linkButton(`#/transport?date=${trip.travelDate}`, t('trip.backToPlan'), 'small'),
        planned ? button(trip.locked ? t('trip.unlock') : t('trip.lock'), lock, 'small',
          {dataset: {action: trip.locked ? 'unlock' : 'lock'}}) : null,
        planned ? button(t('trip.depart'), depart, 'small primary', {dataset: {action: 'depart'}}) : null,
        planned ? button(t('trip.cancel'), cancel, 'small danger', {dataset: {action: 'cancel'}}) : null),
      h('p.row', {dataset: {tripStatus: trip.status, locked: trip.locked}}, badge('tripStatus', trip.status),
        trip.locked ? badge('lock', 'LOCKED') : null,
        h('span', date(trip.travelDate))),
      missing.length ? h('section.card.missing', {dataset: {missing: missing.length}},
        h('h2', t('trip.missingTitle', {count: missing.length})),
        h('ul', missing.map(r => h('li', `${r.name} · ${r.phoneMasked} · ${r.pickup.name}`)))) : null,
      trip.status === 'CANCELLED' ? notice(t('trip.wasCancelled', {reason: trip.cancelReason || ''}), 'warn') : null,
      h('dl.summary-figures',
        figure(t('trip.onManifest'), `${trip.riders.length} / ${trip.capacity}`),
        figure(t('trip.boardedCount'), number(count('BOARDED') + count('ARRIVED'))),
        figure(t('trip.noShowCount'), number(count('NO_SHOW'))),
        figure(t('trip.arrivedCount'), number(count('ARRIVED'))),
        figure(t('trip.distance'), t('common.km', {km: number(trip.distanceKm)})),
        figure(t('trip.departedAt'), trip.departedAt ? time(trip.departedAt) : '–')),
      h('div.grid.sidebar',
        section(t('trip.manifest'), stops(trip, act, show, planned, departed)),
        h('div',
          section(t('trip.route'), mapEl),
          section(t('trip.bus'), facts([
            [t('trip.plate'), trip.plate],
            [t('trip.driver'), trip.driverName],
            [t('bus.driverPhone'), h('a', {href: `tel:${trip.driverPhone}`}, trip.driverPhone)],
            [t('trip.operator'), trip.operator],
            [t('trip.seats'), trip.seats],
            [t('trip.plannedAt'), dateTime(trip.plannedAt)],
          ])),
          h('details.card', {ontoggle: async event => {
            const box = event.target.querySelector('.explain');
            if (!event.target.open || box.dataset.loaded) return;
            box.dataset.loaded = '1';
            try {
              const x = await get(`/api/trips/${id}/explain`);
              replace(box, h('ul.reasons', {dataset: {explain: x.tripId}}, tripReasons(x, trip).map(r => h('li', r))));
            } catch (error) {
              replace(box, errorBox(error));
            }
          }}, h('summary', t('trip.why')), h('div.explain', loading())))));
    try {
      removeMap = await drawRoutes(mapEl, [trip]);
    } catch (error) {
      mapEl.replaceWith(errorBox(error));
    }
  };

  page.append(loading());
  await show();
  return cleanup;
}

function figure(term, value) {
  return h('div', h('dt', term), h('dd', value));
}

/** The stops in order; under each pickup its riders to check on, under each drop-off the riders to hand over. */
function stops(trip, act, reload, planned, departed) {
  const seen = new Set();
  return trip.stops.map((stop, n) => {
    const pickup = stop.kind === 'PICKUP';
    const key = `${stop.kind}:${stop.place.placeId}`;
    const riders = seen.has(key) ? [] : trip.riders.filter(r => (pickup ? r.pickup : r.site).placeId
      === stop.place.placeId).sort((a, b) => a.seatNumber - b.seatNumber);
    seen.add(key);
    return h(`div.manifest-stop${pickup ? '' : '.drop'}`, {dataset: {stop: n + 1, kind: stop.kind}},
      h('h3', `${n + 1}. ${time(stop.time)} · ${stop.place.name}`),
      h('p.muted', t(pickup ? 'trip.pickupAt' : 'trip.dropOffAt', {city: stop.place.city,
        km: number(stop.kmFromDepot)})),
      riders.map(r => riderRow(r, pickup, act, reload, planned, departed,
        trip.status === 'DEPARTED' || trip.status === 'COMPLETED')));
  });
}

function riderRow(rider, pickup, act, reload, planned, departed, left) {
  const worker = encodeURIComponent(rider.workerId);
  const buttons = [];
  if (pickup && planned && rider.status === 'ASSIGNED') {
    buttons.push(button(t('trip.board'), async () => {
      if (await act(`riders/${worker}/board`, t('trip.boarded', {name: rider.name}))) reload();
    }, 'small primary', {dataset: {action: 'board'}}));
    buttons.push(button(t('trip.noShow'), async () => {
      const yes = await ask({title: t('trip.noShow'), text: t('trip.noShowText', {name: rider.name}), danger: true,
        confirm: t('trip.noShow')});
      if (yes && await act(`riders/${worker}/no-show`, t('trip.noShowDone', {name: rider.name}))) reload();
    }, 'small', {dataset: {action: 'no-show'}}));
  }
  if (!pickup && departed && rider.status === 'BOARDED') {
    buttons.push(button(t('trip.arrive'), async () => {
      if (await act(`riders/${worker}/arrive`, t('trip.arrived', {name: rider.name}))) reload();
    }, 'small primary', {dataset: {action: 'arrive'}}));
  }
  return h('div.rider', {dataset: {rider: rider.workerId, status: rider.status}},
    h('span.seat-no', {title: t('trip.seat')}, rider.seatNumber),
    h('div.row', h('strong', rider.name),
      // Still waiting to board once the bus has gone: missing, not merely "not yet on".
      badge('riderStatus', rider.status === 'ASSIGNED' && left ? 'MISSING' : rider.status),
      badge('fitness', rider.fitness),
      h('small', `${rider.phoneMasked} · ${rider.town}`),
      pickup ? h('small', t('trip.to', {place: rider.site.name, city: rider.site.city}))
        : h('small', t('trip.from', {place: rider.pickup.name}))),
    buttons.length ? h('div.rider-actions', buttons) : null);
}

/** Why these riders share this bus, said from the explanation's figures in the reader's language. */
function tripReasons(x, trip) {
  const reasons = [t(x.cities.length > 1 ? 'tripWhy.cities' : 'tripWhy.city', {riders: number(x.riders),
    date: date(x.travelDate), cities: x.cities.join('、')})];
  if (x.pickupOrder.length) {
    reasons.push(t('tripWhy.stops', {pickups: number(x.pickupOrder.length), pickupOrder: x.pickupOrder.join('；'),
      drops: number(x.dropOffOrder.length), dropOrder: x.dropOffOrder.join('；')}));
  }
  reasons.push(t('tripWhy.seats', {riders: number(x.riders), capacity: number(x.capacity), seats: number(x.seats),
    factor: number(x.maxLoadFactor, 2)}));
  reasons.push(t('tripWhy.ride', {longest: number(x.longestRideHours, 1), limit: number(x.maxRideHours, 1),
    km: number(x.distanceKm)}));
  if (x.busesOnDate != null) {
    reasons.push(t('tripWhy.buses', {date: date(x.travelDate), seats: number(x.boundBySeats),
      city: number(x.boundByCity), buses: number(x.busesOnDate)}));
  }
  if (trip.locked) reasons.push(t('tripWhy.locked'));
  return reasons;
}
