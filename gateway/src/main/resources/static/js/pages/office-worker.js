// One worker as the labour office sees them: the record (ID number masked), their offers — answered here on the
// worker's behalf after a phone call — the placement, the bus or subsidy, and the audit trail of their status.

import {h, replace} from '../dom.js';
import {t, has, label, number, pick, date, dateTime, reasonText, serverMessage} from '../i18n.js';
import {get, post} from '../api.js';
import {ask, badge, button, errorBox, facts, loading, notice, pageHeader, section, toast} from '../ui.js';
import {offerCard, placementCard, reasonsList, transportCard} from '../offer-view.js';
import {steps} from './worker-home.js';

export async function render(page, ctx) {
  const {workerId} = ctx.params;
  ctx.title(t('worker.detailTitle'));
  page.append(loading());
  let worker;
  try {
    worker = await get(`/api/workers/${encodeURIComponent(workerId)}`);
  } catch (error) {
    replace(page, errorBox(error, ctx.rerender));
    return;
  }
  if (!ctx.isCurrent()) return;
  ctx.title(worker.name);
  const id = encodeURIComponent(worker.workerId);
  const explainBox = h('div');
  const referenceBox = h('div');

  const newReference = async () => {
    const yes = await ask({title: t('worker.newReference'), text: t('worker.newReferenceText'),
      confirm: t('worker.newReference')});
    if (!yes) return;
    try {
      const answer = await post(`/api/workers/${id}/reference`);
      replace(referenceBox, notice(h('span', t('worker.referenceIs'), ' ', h('span.big-code', answer.reference)),
        'warn'));
    } catch (error) {
      replace(referenceBox, errorBox(error));
    }
  };
  const withdraw = async () => {
    const values = await ask({title: t('worker.withdraw'), text: t('worker.withdrawText'), danger: true,
      confirm: t('worker.withdraw'), fields: [{name: 'reason', label: t('worker.withdrawReason'), required: true}]});
    if (!values) return;
    try {
      await post(`/api/workers/${id}/withdraw`, {reason: values.reason});
      toast(t('worker.withdrawn.done'));
      ctx.rerender();
    } catch (error) {
      toast(error.detail || t('error.unexpected'), 'bad');
    }
  };
  const firstDay = async () => {
    const values = await ask({title: t('worker.firstDay'), text: t('worker.firstDayText'),
      confirm: t('worker.firstDay'), fields: [{name: 'date', label: t('worker.firstDayDate'), type: 'date',
        required: true}]});
    if (!values) return;
    try {
      await post(`/api/workers/${id}/first-day`, {date: values.date});
      toast(t('worker.firstDayDone'));
      ctx.rerender();
    } catch (error) {
      toast(error.detail || t('error.unexpected'), 'bad');
    }
  };
  const explain = async () => {
    replace(explainBox, loading());
    try {
      replace(explainBox, explanation(await get(`/api/matching/explain?workerId=${id}`)));
    } catch (error) {
      replace(explainBox, errorBox(error));
    }
  };

  const final = worker.status === 'WITHDRAWN' || worker.status === 'RETURNED_TO_WORK';
  const selfTravel = worker.status === 'TRANSPORT_ARRANGED' && worker.transport && worker.transport.kind !== 'BUS_SEAT';
  const open = worker.offers.filter(o => o.state === 'OPEN');
  const others = worker.offers.filter(o => o.state !== 'OPEN');

  replace(page,
    pageHeader(worker.name,
      button(t('worker.why'), explain, 'small'),
      button(t('worker.newReference'), newReference, 'small'),
      selfTravel ? button(t('worker.firstDay'), firstDay, 'small primary') : null,
      final ? null : button(t('worker.withdraw'), withdraw, 'small danger')),
    h('p.row', badge('status', worker.status), badge('poverty', worker.povertyStatus),
      worker.specialGroups.map(g => badge('group', g))),
    steps(worker.status),
    referenceBox,
    explainBox,
    h('div.grid.sidebar',
      h('div',
        open.length ? section(t('worker.openOffer'), h('p.muted', t('worker.onBehalfHint')),
          open.map(o => offerCard(worker.workerId, o, {answerable: true, onBehalf: true,
            onAnswered: () => ctx.rerender()}))) : null,
        transportCard(worker.transport, {office: true}),
        placementCard(worker.placement, {office: true}),
        others.length ? section(t('worker.otherOffers'), others.map(o => offerCard(worker.workerId, o))) : null,
        section(t('worker.history'), h('ol.history', worker.history.slice().reverse().map(c =>
          h('li', {dataset: {cause: c.code || ''}}, h('strong', label('status', c.to)), ' · ', dateTime(c.at),
            c.cause ? h('small', ` — ${causeText(c)}`) : null))))),
      section(t('worker.record'), facts([
        [t('worker.workerId'), worker.workerId],
        [t('field.idNumber'), worker.idNumberMasked],
        [t('field.phone'), worker.phone ? h('a', {href: `tel:${worker.phone}`}, worker.phone) : worker.phoneMasked],
        [t('worker.ageSex'), t('workers.ageSex', {age: worker.age, sex: label('sex', worker.sex)})],
        [t('field.householdId'), h('a', {href: `#/office/households/${encodeURIComponent(worker.householdId)}`},
          worker.householdId)],
        [t('field.povertyStatus'), label('poverty', worker.povertyStatus)],
        [t('worker.place'), `${worker.county} ${worker.town} ${worker.village}`],
        [t('field.collectionPoint'), worker.collectionPoint ? worker.collectionPoint.name : null],
        [t('register.skills'), worker.skills.length ? worker.skills.map(s => t('worker.skillYears',
          {skill: label('skill', s.skill), years: s.years})).join('、') : t('worker.noSkills')],
        [t('register.intent'), label('intent', worker.intent)],
        [t('register.preferredCities'), worker.preferredCities.join('、') || t('worker.anyCity')],
        [t('register.minMonthlyWage'), worker.minMonthlyWage ? t('offer.wage', {wage: number(worker.minMonthlyWage)})
          : t('worker.anyWage')],
        [t('register.availableFrom'), date(worker.availableFrom)],
        [t('register.fitness'), h('span', badge('fitness', worker.fitness), ' ', date(worker.fitnessCheckedOn))],
        [t('worker.channel'), label('channel', worker.channel)],
        [t('worker.registeredAt'), dateTime(worker.registeredAt)],
        [t('worker.declinedOffers'), worker.declinedOffers],
        worker.withdrawnReason ? [t('worker.withdrawReason'), worker.withdrawnReason] : null,
      ]))));
}

/** Jobs-service's account: the offer's score line by line, or what rules out every posting. */
function explanation(x) {
  if (x.matched) {
    return section(t('explain.matchedTitle', {score: number(x.matched.score, 1)}), reasonsList(x.matched.breakdown));
  }
  return section(t('explain.noneTitle'),
    h('p', t('explain.counts', {considered: number(x.postingsConsidered), feasible: number(x.feasible),
      open: number(x.feasibleWithOpenings)}),
      x.keptForOthers ? [' ', t('explain.kept', {kept: number(x.keptForOthers)})] : null),
    x.ruledOut && x.ruledOut.length ? h('ul.reasons', x.ruledOut.map(r =>
      h('li', pick(r.reasonZh, r.reasonEn), ' ', h('strong', t('explain.postings', {count: number(r.postings)})))))
      : null,
    x.bestOptions && x.bestOptions.length ? [h('h3', t('explain.best')), h('ul.reasons', x.bestOptions.map(o =>
      h('li', t('explain.option', {job: o.jobId, score: number(o.score, 1)}),
        o.keptForOthers ? t('explain.keptOption') : null)))] : null);
}

/** Why the status changed, in the reader's language when the service sent a code (older lines have only English). */
function causeText(change) {
  const key = `history.${change.code}`;
  if (!change.code || !has(key)) return serverMessage(change.cause);
  const args = {...change.args};
  if (args.channel) args.channel = label('channel', args.channel);
  if (args.ending) args.ending = label('offerState', args.ending);
  if (args.day) args.day = date(args.day);
  if (args.reason) args.reason = reasonText(args.reason);
  return t(key, args);
}
