// An offer with the reasons it was chosen, the placement, and "my bus" (or the fare subsidy): shown to the worker
// on their phone and to the labour office on the worker's page, where staff answer for a worker they phoned.

import {h} from './dom.js';
import {t, pick, number, yuan, date, dateTime, time, reasonText, serverMessage} from './i18n.js';
import {post} from './api.js';
import {ask, badge, button, facts, toast} from './ui.js';

const DECLINE_REASONS = ['tooFar', 'wageLow', 'health', 'family', 'otherJob', 'other'];

/** The score's reasons, best first. */
export function reasonsList(reasons) {
  if (!reasons || !reasons.length) return null;
  const sorted = [...reasons].sort((a, b) => b.points - a.points);
  return h('ul.reasons', sorted.map(r => h('li', pick(r.reasonZh, r.reasonEn), ' ',
    h('span.points', t('offer.points', {points: (r.points >= 0 ? '+' : '') + number(r.points, 1)})))));
}

/**
 * One offer. When it is open and answer handlers are wanted, Accept and Decline buttons; onAnswered runs after
 * the service took the answer.
 */
export function offerCard(workerId, offer, {answerable = false, onAnswered = () => {}, onBehalf = false} = {}) {
  const open = offer.state === 'OPEN';
  const accept = async () => {
    const yes = await ask({title: t('offer.acceptTitle'), text: onBehalf ? t('offer.acceptOnBehalf')
      : t('offer.acceptText', {job: offer.jobTitle, employer: offer.employerName}), confirm: t('offer.accept')});
    if (!yes) return;
    await answer(() => post(`/api/workers/${encodeURIComponent(workerId)}/offers/${encodeURIComponent(
      offer.offerId)}/accept`), t('offer.accepted'));
  };
  const decline = async () => {
    const values = await ask({title: t('offer.declineTitle'), text: t('offer.declineText'), confirm: t('offer.decline'),
      danger: true, fields: [
        {name: 'reason', label: t('offer.declineReason'), required: true,
          options: [['', t('common.choose')], ...DECLINE_REASONS.map(r => [t(`offer.declineReasons.${r}`),
            t(`offer.declineReasons.${r}`)])]},
        {name: 'note', label: t('offer.declineNote'), type: 'textarea'}]});
    if (!values) return;
    const reason = values.note ? `${values.reason}: ${values.note}` : values.reason;
    await answer(() => post(`/api/workers/${encodeURIComponent(workerId)}/offers/${encodeURIComponent(
      offer.offerId)}/decline`, {reason: reason.slice(0, 200)}), t('offer.declined'));
  };
  const answer = async (call, done) => {
    buttons.forEach(b => {
      b.disabled = true;
    });
    try {
      await call();
      toast(done);
      onAnswered();
    } catch (error) {
      buttons.forEach(b => {
        b.disabled = false;
      });
      toast(error.status === 409 ? t('offer.noLongerOpen') : (error.detail || t('error.unexpected')), 'bad');
      onAnswered();
    }
  };
  const buttons = open && answerable
    ? [button(t('offer.accept'), accept, 'primary', {dataset: {action: 'accept'}}),
      button(t('offer.decline'), decline, 'danger', {dataset: {action: 'decline'}})] : [];
  return h(`article.card.offer${open ? '.offer-card' : ''}`, {dataset: {offer: offer.offerId, state: offer.state}},
    h('div.list-title', h('h3', offer.jobTitle), badge('offerState', offer.state)),
    h('p', offer.employerName),
    h('p.wage', t('offer.wage', {wage: number(offer.monthlyWage)})),
    facts([
      [t('offer.site'), offer.site ? `${offer.site.name}（${offer.site.city}）` : null],
      [t('offer.startDate'), date(offer.startDate)],
      [t('offer.accommodation'), offer.accommodation ? t('common.yes') : t('common.no')],
      open ? [t('offer.answerBy'), dateTime(offer.expiresAt)] : [t('offer.answeredAt'), dateTime(offer.answeredAt)],
      offer.note ? [t('offer.note'), reasonText(offer.note)] : null,
    ]),
    offer.reasons && offer.reasons.length ? h('div', h('h4', t('offer.why')), reasonsList(offer.reasons)) : null,
    buttons.length ? h('div.choice-buttons', buttons) : null);
}

export function placementCard(placement, {office = false} = {}) {
  if (!placement) return null;
  return h('section.card', {dataset: {placement: placement.placementId}},
    h('h2', t(office ? 'placement.titleOffice' : 'placement.title')),
    facts([
      [t('placement.employer'), placement.employerName],
      [t('offer.site'), placement.site ? `${placement.site.name}（${placement.site.city}）` : null],
      [t('offer.startDate'), date(placement.startDate)],
      [t('placement.local'), placement.local ? t('placement.localYes') : t('placement.localNo')],
    ]));
}

/** "My bus": where and when to board, which bus and seat, the driver's phone; or the subsidy; or on their own. */
export function transportCard(transport, {office = false} = {}) {
  if (!transport) return null;
  if (transport.kind === 'BUS_SEAT') {
    return h('section.card.bus-card', {dataset: {transport: 'BUS_SEAT'}},
      h('h2', t(office ? 'bus.titleOffice' : 'bus.title')),
      // The crew recorded a no-show: the seat is gone, so say so before the details of a bus that has left.
      transport.missedAt ? h('div.alert.error', {dataset: {missed: ''}},
        h('p', t(office ? 'bus.missedOffice' : 'bus.missed', {date: date(transport.travelDate)}))) : null,
      h('div.row', h('span.plate', transport.plate), h('span.seat', t('bus.seat', {seat: transport.seatNumber}))),
      facts([
        [t('bus.date'), date(transport.travelDate)],
        [t('bus.pickupPoint'), transport.pickupPoint ? transport.pickupPoint.name : null],
        [t('bus.pickupTime'), transport.pickupTime
          ? `${date(transport.pickupTime)} ${time(transport.pickupTime)}` : null],
        [t('bus.destination'), transport.destination ? `${transport.destination.name}（${transport.destination.city}）`
          : null],
        [t('bus.driver'), transport.driverName],
        [t('bus.driverPhone'), transport.driverPhone ? h('a', {href: `tel:${transport.driverPhone}`},
          transport.driverPhone) : null],
        [t('bus.boarded'), transport.boardedAt ? dateTime(transport.boardedAt) : null],
      ]),
      office || transport.missedAt ? null : h('p.muted', t('bus.advice')));
  }
  if (transport.kind === 'FARE_SUBSIDY') {
    return h('section.card.bus-card', {dataset: {transport: 'FARE_SUBSIDY'}},
      h('h2', t('subsidy.title')),
      h('p.big', yuan(transport.amountYuan)),
      facts([
        [t('subsidy.distance'), transport.distanceKm != null
          ? t('common.km', {km: number(transport.distanceKm)}) : null],
        [t('subsidy.reason'), serverMessage(transport.reason)],
      ]),
      office ? null : h('p.muted', t('subsidy.advice')));
  }
  return h('section.card.bus-card', {dataset: {transport: 'SELF'}},
    h('h2', t('self.travel.title')),
    h('p', t('self.travel.text')),
    facts([[t('offer.startDate'), date(transport.travelDate)],
      [t('offer.site'), transport.destination ? transport.destination.name : null]]));
}
