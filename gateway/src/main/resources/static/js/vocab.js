// The codes the API speaks in; their words are in the dictionaries under enum.<kind>.<code>.

import {label} from './i18n.js';

export const POVERTY = ['POOR', 'UNSTABLE', 'MARGINAL', 'NONE'];
export const GROUPS = ['ELDERLY', 'SERIOUSLY_ILL', 'DISABLED'];
export const INTENTS = ['LOCAL', 'AWAY', 'EITHER'];
export const FITNESS = ['GREEN', 'YELLOW', 'RED'];
export const SKILLS = ['CONSTRUCTION', 'ELECTRONICS_ASSEMBLY', 'GARMENT', 'LOGISTICS', 'CLEANING', 'FARMING',
  'FRUIT_GROWING', 'DRIVING', 'COOKING', 'CARE_WORK', 'SECURITY', 'GENERAL_LABOUR'];
export const EMPLOYER_KINDS = ['ENTERPRISE', 'COOPERATIVE', 'INDUSTRIAL_PARK', 'PUBLIC_WELFARE', 'RETURN_TO_WORK_HQ'];
export const WORKER_STATUSES = ['REGISTERED', 'OFFERED', 'INTENT_AGREED', 'TRANSPORT_ARRANGED', 'RETURNED_TO_WORK',
  'WITHDRAWN'];
export const STAGES = ['REGISTERED', 'OFFERED', 'INTENT_AGREED', 'TRANSPORT_ARRANGED', 'RETURNED_TO_WORK'];
export const JOB_STATUSES = ['OPEN', 'FILLED', 'CLOSED'];

/** [[code, words], ...] for a select or a set of choices. */
export function options(kind, codes) {
  return codes.map(code => [code, label(kind, code)]);
}

/** The funnel figure of a stage in a Funnel record. */
export function stageFigure(funnel, stage) {
  const keys = {REGISTERED: 'registered', OFFERED: 'offered', INTENT_AGREED: 'intentAgreed',
    TRANSPORT_ARRANGED: 'transportArranged', RETURNED_TO_WORK: 'returnedToWork', WITHDRAWN: 'withdrawn'};
  return funnel ? funnel[keys[stage]] : 0;
}
