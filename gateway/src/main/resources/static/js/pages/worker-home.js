// The worker's own page: where they stand, "my offer" with its reasons (accept or decline), the job they are going
// to, and "my bus". It looks again every few seconds while something is on its way.

import {h, replace} from '../dom.js';
import {t} from '../i18n.js';
import {currentUser, get} from '../api.js';
import {empty, errorBox, loading, notice} from '../ui.js';
import {offerCard, placementCard, transportCard} from '../offer-view.js';
import {STAGES} from '../vocab.js';

const POLL_MS = 4000;

export function render(page, ctx) {
  ctx.title(t('worker.title'));
  const {workerId} = currentUser();
  const body = h('div', loading());
  page.append(body);
  let last = '';
  let timer = null;
  let stopped = false;

  const refresh = async () => {
    try {
      const worker = await get(`/api/workers/${encodeURIComponent(workerId)}`);
      const seen = JSON.stringify(worker);
      if (seen !== last && !stopped) {
        last = seen;
        replace(body, view(worker, refresh));
      }
    } catch (error) {
      if (!stopped) replace(body, errorBox(error, refresh));
    }
    if (!stopped) {
      clearTimeout(timer);
      timer = setTimeout(refresh, POLL_MS);
    }
  };
  refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function view(worker, refresh) {
  const open = worker.offers.filter(o => o.state === 'OPEN');
  const accepted = worker.offers.find(o => o.state === 'ACCEPTED');
  // The confirmed offer is the placement shown above; the rest are history.
  const past = worker.offers.filter(o => o.state !== 'OPEN' && o.state !== 'ACCEPTED'
    && !(worker.placement && o.offerId === worker.placement.offerId));
  const parts = [
    h('h1', t('worker.hello', {name: worker.name})),
    steps(worker.status),
  ];
  if (worker.status === 'WITHDRAWN') {
    parts.push(notice(t('worker.withdrawn'), 'warn'));
  } else if (worker.status === 'RETURNED_TO_WORK') {
    parts.push(notice(t('worker.returned'), 'good'));
  }
  if (worker.transport) parts.push(transportCard(worker.transport));
  if (worker.placement) parts.push(placementCard(worker.placement));
  if (open.length) {
    parts.push(h('section', {dataset: {section: 'my-offer'}}, h('h2', t('worker.myOffer')),
      h('p.muted', t('worker.offerIntro')),
      open.map(o => offerCard(worker.workerId, o, {answerable: true, onAnswered: refresh}))));
  } else if (accepted && !worker.placement) {
    parts.push(notice(t('worker.acceptedWaiting', {job: accepted.jobTitle}), 'info'),
      offerCard(worker.workerId, accepted));
  } else if (worker.status === 'REGISTERED') {
    parts.push(empty(t('worker.noOfferYet')));
  } else if (worker.status === 'INTENT_AGREED' && !worker.transport) {
    parts.push(notice(t('worker.transportComing'), 'info'));
  }
  if (past.length) {
    parts.push(h('details.card', h('summary', t('worker.pastOffers', {count: past.length})),
      past.map(o => offerCard(worker.workerId, o))));
  }
  parts.push(h('p.muted.center', t('worker.updatesBySelf')));
  return h('div.narrow', {dataset: {status: worker.status}}, parts);
}

/** Registered → offered → agreed → transport → at work, with the current step marked. */
export function steps(status) {
  // Back at work is the end of the road: every step done, none still waiting.
  const reached = status === 'RETURNED_TO_WORK' ? STAGES.length : STAGES.indexOf(status);
  return h('ol.steps', {'aria-label': t('worker.progress')}, STAGES.map((stage, i) =>
    h(`li${i < reached ? '.done' : i === reached ? '.now' : ''}`, {'aria-current': i === reached ? 'step' : null},
      t(`worker.step.${stage}`))));
}
