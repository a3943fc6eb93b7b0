// The checks a worker sees while typing, the same rules employment-service applies (it checks again on submit).

import {t} from './i18n.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_DIGITS = '10X98765432';
export const MIN_AGE = 16;
export const MAX_AGE = 75;

export function normaliseId(text) {
  return (text || '').replace(/\s/g, '').toUpperCase();
}

/** The GB 11643 check digit of the first 17 digits. */
export function checkDigit(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_DIGITS[sum % 11];
}

/**
 * What is wrong with an ID number, as {key, params} for the dictionary, or null when it is valid. While the number
 * is still being typed (partial), only a wrong character is reported.
 */
export function idNumberProblem(text, {partial = false, today = new Date()} = {}) {
  const n = normaliseId(text);
  if (!n) return partial ? null : {key: 'check.id.required'};
  if (!/^\d{0,17}[\dX]?$/.test(n) || (n.length < 18 && n.includes('X'))) return {key: 'check.id.characters'};
  if (n.length < 18) return partial ? null : {key: 'check.id.length', params: {count: n.length}};
  if (n.length > 18) return {key: 'check.id.length', params: {count: n.length}};
  if (checkDigit(n) !== n[17]) return {key: 'check.id.checkDigit'};
  const y = Number(n.slice(6, 10));
  const m = Number(n.slice(10, 12));
  const d = Number(n.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return {key: 'check.id.birthDate'};
  }
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age -= 1;
  if (age < 0) return {key: 'check.id.birthDate'};
  if (age < MIN_AGE || age > MAX_AGE) return {key: 'check.id.age', params: {age, min: MIN_AGE, max: MAX_AGE}};
  return null;
}

export function normalisePhone(text) {
  const digits = (text || '').replace(/[\s-]/g, '');
  if (digits.startsWith('+86')) return digits.slice(3);
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}

/** A mainland mobile number: 11 digits starting 13 to 19. */
export function phoneProblem(text, {partial = false} = {}) {
  const p = normalisePhone(text);
  if (!p) return partial ? null : {key: 'check.phone.required'};
  if (!/^\d+$/.test(p)) return {key: 'check.phone.digits'};
  if (p[0] !== '1' || (p.length > 1 && !/[3-9]/.test(p[1]))) return {key: 'check.phone.start'};
  if (p.length < 11) return partial ? null : {key: 'check.phone.length', params: {count: p.length}};
  if (p.length > 11) return {key: 'check.phone.length', params: {count: p.length}};
  return null;
}

/** For liveCheck: the ID number's problem in words, or null. */
export function idCheck(value, partial) {
  const problem = idNumberProblem(value, {partial});
  return problem ? t(problem.key, problem.params) : null;
}

export function phoneCheck(value, partial) {
  const problem = phoneProblem(value, {partial});
  return problem ? t(problem.key, problem.params) : null;
}
