// Talking to the gateway: the sign-in (kept in this tab's sessionStorage), token refresh, and problem+json errors.

const STORE_KEY = 'chunfeng.session';
const PROBLEM_BASE = 'https://chunfeng.org/problems/';
const REFRESH_MARGIN_MS = 60_000;

let session = load();
let refreshing = null;
let refreshTimer = null;
const listeners = new Set();

/** An answer other than 2xx, or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(status, problem = {}, requestId = null, retryAfter = null) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.type = problem.type || '';
    this.slug = this.type.startsWith(PROBLEM_BASE) ? this.type.slice(PROBLEM_BASE.length) : '';
    this.title = problem.title || '';
    this.detail = problem.detail || '';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.problem = problem;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }
}

function load() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORE_KEY));
    return stored && stored.refreshToken ? stored : null;
  } catch {
    return null;
  }
}

function store(next) {
  session = next;
  if (next) sessionStorage.setItem(STORE_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(STORE_KEY);
  scheduleRefresh();
  listeners.forEach(listener => listener(session));
}

/** Who is signed in: {subject, roles, workerId}, or null. */
export function currentUser() {
  return session ? {subject: session.subject, roles: session.roles || [], workerId: session.workerId} : null;
}

export function hasRole(role) {
  return !!session && (session.roles || []).includes(role);
}

export function onSessionChange(listener) {
  listeners.add(listener);
}

function accept(tokens) {
  store({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
    subject: tokens.subject,
    roles: tokens.roles || [],
    workerId: tokens.workerId || null,
  });
  return currentUser();
}

export async function signInStaff(username, password) {
  return accept(await request('POST', '/api/auth/token', {username, password}, {anonymous: true}));
}

export async function signInWorker(idNumber, phone, reference) {
  return accept(await request('POST', '/api/auth/worker', {idNumber, phone, reference}, {anonymous: true}));
}

export async function signOut() {
  const ending = session;
  store(null);
  if (ending) {
    try {
      await request('POST', '/api/auth/sign-out', {refreshToken: ending.refreshToken}, {anonymous: true});
    } catch {
      // The access token runs out by itself; nothing else to undo.
    }
  }
}

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  if (!session) return;
  const wait = Math.max(5_000, session.expiresAt - Date.now() - REFRESH_MARGIN_MS);
  refreshTimer = setTimeout(() => refresh().catch(() => {}), wait);
}

/**
 * A new access token from the refresh token. Only one refresh is ever in flight: a refresh token presented twice
 * ends the sign-in, so concurrent callers wait for the same answer.
 */
export function refresh() {
  if (!session) return Promise.reject(new ApiError(401, {type: PROBLEM_BASE + 'refresh-failed'}));
  if (!refreshing) {
    const token = session.refreshToken;
    refreshing = request('POST', '/api/auth/refresh', {refreshToken: token}, {anonymous: true})
      .then(tokens => {
        accept(tokens);
      })
      .catch(error => {
        if (error.status === 401 || error.status === 400) {
          store(null);
          expired();
        }
        throw error;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

let onExpired = () => {};

/** What to do when the sign-in can no longer be renewed (the app shows the sign-in page). */
export function whenExpired(handler) {
  onExpired = handler;
}

function expired() {
  onExpired();
}

async function fresh() {
  if (session && Date.now() > session.expiresAt - 5_000) await refresh();
}

/** The access token for a request made by hand (an upload with progress), refreshed first if need be. */
export async function accessToken() {
  await fresh();
  return session ? session.accessToken : null;
}

/**
 * Calls the gateway. Answers the parsed JSON body (or the Response for non-JSON), or throws an ApiError. A 401 on a
 * signed-in call refreshes the token once and tries again.
 */
export async function request(method, path, body, options = {}) {
  if (!options.anonymous) await fresh().catch(() => {});
  const headers = {Accept: 'application/json, application/problem+json'};
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (!options.anonymous && session) headers.Authorization = `Bearer ${session.accessToken}`;
  let response;
  try {
    response = await fetch(path, {method, headers, body: payload, signal: options.signal});
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, {title: 'offline', detail: error.message});
  }
  if (response.status === 401 && !options.anonymous && !options.retried && session) {
    const problem = await readProblem(response);
    if (problem.type === PROBLEM_BASE + 'unauthorized') {
      await refresh();
      return request(method, path, body, {...options, retried: true});
    }
    throw errorOf(response, problem);
  }
  if (response.status === 401 && !options.anonymous) {
    const problem = await readProblem(response);
    store(null);
    expired();
    throw errorOf(response, problem);
  }
  if (!response.ok) throw errorOf(response, await readProblem(response));
  if (options.raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response;
}

async function readProblem(response) {
  try {
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? await response.json() : {detail: (await response.text()).slice(0, 300)};
  } catch {
    return {};
  }
}

function errorOf(response, problem) {
  return new ApiError(response.status, problem, response.headers.get('X-Request-Id'),
    response.headers.get('Retry-After'));
}

export const get = (path, options) => request('GET', path, undefined, options);
export const post = (path, body, options) => request('POST', path, body, options);
export const patch = (path, body, options) => request('PATCH', path, body, options);

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value != null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function errorFrom(xhr) {
  let problem = {};
  try {
    problem = JSON.parse(xhr.responseText);
  } catch {
    // not JSON
  }
  return new ApiError(xhr.status, problem, xhr.getResponseHeader('X-Request-Id'),
    xhr.getResponseHeader('Retry-After'));
}

scheduleRefresh();
