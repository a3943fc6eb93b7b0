// The optimal matching of every waiting worker at once (a batch): how the latest one went, how far a running one has
// come, and a button to start one. Batches also start by themselves when a big posting or many workers arrive, and at
// a county's scale take a minute or two, so the panel follows a running one until it ends.

import {h, replace} from './dom.js';
import {t, number, dateTime} from './i18n.js';
import {get, post} from './api.js';
import {button, errorBox, section, toast} from './ui.js';

const POLL_MS = 2000;

/** The panel, and a stop() for when the page goes away. */
export function matchingPanel() {
  const status = h('div.batch-status', {dataset: {batch: 'none'}, 'aria-live': 'polite'});
  const start = button(t('batch.start'), () => begin(), 'primary', {id: 'batch-start'});
  const el = section(t('batch.title'), h('p.muted', t('batch.explain')), status, h('div.actions', start));
  let timer;
  let stopped = false;

  const show = run => {
    start.disabled = !!run && run.state === 'RUNNING';
    if (!run) {
      status.dataset.batch = 'none';
      replace(status, h('p', t('batch.none')));
      return;
    }
    status.dataset.batch = run.state;
    replace(status, h('p', h('strong', describe(run))),
      h('p.muted', t('batch.started', {time: dateTime(run.startedAt), workers: number(run.workers)})));
    if (run.state === 'RUNNING') {
      clearTimeout(timer);
      timer = setTimeout(() => refresh(run.batchId), POLL_MS);
    }
  };

  const refresh = async batchId => {
    try {
      const run = batchId ? await get(`/api/matching/batch/${encodeURIComponent(batchId)}`)
        : (await get('/api/matching/batch'))[0];
      if (!stopped) show(run);
    } catch (error) {
      if (!stopped) replace(status, errorBox(error, () => refresh(batchId)));
    }
  };

  const begin = async () => {
    start.disabled = true;
    try {
      const run = await post('/api/matching/batch');
      toast(t('batch.begun'));
      if (!stopped) show(run);
    } catch (error) {
      start.disabled = false;
      toast(error.detail || t('error.unexpected'), 'bad');
    }
  };

  refresh();
  return {el, stop: () => {
    stopped = true;
    clearTimeout(timer);
  }};
}

/** What the batch is doing or did, in a sentence. */
function describe(run) {
  if (run.state === 'FAILED') return t('batch.failed', {proposed: number(run.proposed)});
  const proven = run.gap === 0;
  if (run.state === 'DONE') {
    if (!run.workers) return t('batch.doneNobody');
    return proven ? t('batch.done', {proposed: number(run.proposed), workers: number(run.workers)})
      : t('batch.doneWithin', {proposed: number(run.proposed), workers: number(run.workers), gap: number(run.gap, 2)});
  }
  if (!run.rounds) return t('batch.preparing');
  return proven ? t('batch.proven', {rounds: run.rounds})
    : t('batch.running', {rounds: run.rounds, gap: number(run.gap, 2)});
}
