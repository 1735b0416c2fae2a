// The one way the console talks to the server: same-origin cookie session, the CSRF token on every
// write, JSON in and out, and a single error type whose message is the API's own text (the edge and
// services answer {code,title,content}, validation {detail:[{loc,msg,type}]}, auth {detail:"…"}).

let csrfToken = null;
let tabMode = null;
let onUnauthorized = () => {};
let onModeChanged = () => {};

export function setCsrfToken(token) {
  csrfToken = token || null;
}

/**
 * The mode this tab shows ('test' or 'live'), sent on every request as X-Console-Mode: the edge
 * refuses a request from a tab that shows another mode than the session's (switched in another
 * tab). Kept in this tab's memory only, never in storage shared by tabs.
 */
export function setTabMode(mode) {
  tabMode = mode === 'live' || mode === 'test' ? mode : null;
}

/** Called with the session's mode when the edge refused this tab's mode: the app offers a reload. */
export function setModeChangedHandler(fn) {
  onModeChanged = fn;
}

/** Called on any 401 (unless the caller opted out): the app shows the sign-in page. */
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    // true once the app has dealt with it (a 401 sent the user to sign in): pages stay quiet.
    this.handled = false;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `path` plus the non-empty entries of `query`, URL-encoded. */
export function withQuery(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Sends one request; resolves {status, headers, data} on 2xx, rejects ApiError otherwise (or the
 * fetch's AbortError when the page that asked was left).
 * Options: query, body (JSON), signal, csrf (false for sign-in and sign-up), authRedirect (false
 * where a 401 is an expected answer, e.g. wrong password).
 */
export async function request(method, path, options = {}) {
  const { query, body, signal, csrf = true, authRedirect = true } = options;
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store', signal };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (WRITES.has(method) && csrf && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (tabMode) headers['X-Console-Mode'] = tabMode;

  let response;
  try {
    response = await fetch(withQuery(path, query), init);
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Could not reach the server. Check your connection and try again.', null);
  }
  const data = await readBody(response);
  if (response.ok) return { status: response.status, headers: response.headers, data };

  const error = new ApiError(response.status, errorMessage(response.status, data), data);
  if (response.status === 401 && authRedirect) {
    error.handled = true;
    onUnauthorized();
  }
  const sessionMode = response.headers.get('X-Console-Mode');
  if (response.status === 409 && sessionMode && sessionMode !== tabMode) {
    error.handled = true;
    onModeChanged(sessionMode);
  }
  throw error;
}

async function readBody(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The text to show for an error answer, in the API's own words. */
export function errorMessage(status, data) {
  if (data && typeof data === 'object') {
    if (typeof data.content === 'string' && data.content) return data.content;
    if (Array.isArray(data.detail)) return data.detail.map(fieldMessage).join('; ');
    if (typeof data.detail === 'string' && data.detail) return data.detail;
    if (data.error && typeof data.error.message === 'string') return data.error.message;
    if (typeof data.title === 'string' && data.title) return data.title;
    if (typeof data.message === 'string' && data.message) return data.message;
  }
  if (status === 403) return 'You do not have permission to do this.';
  if (status === 404) return 'Not found.';
  return `The request failed (HTTP ${status}).`;
}

/** {"loc":["body","amount"],"msg":"…"} → "amount: …" (the "body"/"query" part says nothing here). */
function fieldMessage(detail) {
  const loc = Array.isArray(detail.loc) ? detail.loc.slice() : [];
  if (['body', 'query', 'path', 'header'].includes(loc[0])) loc.shift();
  const where = loc.join('.');
  const msg = detail.msg ?? 'is invalid';
  return where ? `${where}: ${msg}` : String(msg);
}

export const get = (path, options) => request('GET', path, options).then((r) => r.data);
// Writes always carry a JSON body ({} when there is nothing to say): the services' resources
// consume application/json, and an empty POST would be a 415 there.
export const post = (path, body = {}, options = {}) =>
  request('POST', path, { ...options, body }).then((r) => r.data);
export const put = (path, body = {}, options = {}) =>
  request('PUT', path, { ...options, body }).then((r) => r.data);
export const patch = (path, body = {}, options = {}) =>
  request('PATCH', path, { ...options, body }).then((r) => r.data);
export const del = (path, options) => request('DELETE', path, options).then((r) => r.data);
