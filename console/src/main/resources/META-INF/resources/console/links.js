// Where an object id leads in the console, by its prefix (pay_…, re_…): ids in tables, key/value
// views and event subjects become links.
import { el, code } from './ui.js';

const ROUTES = {
  pay: '#/payments/',
  re: '#/refunds/',
  dp: '#/disputes/',
  po: '#/payouts/',
  cus: '#/customers/',
  prod: '#/products/',
  plan: '#/plans/',
  sub: '#/subscriptions/',
  plink: '#/payment-links/',
  evt: '#/events/',
  we: '#/developers/webhooks/',
};

// The platform's ids (commons Ids): a 1-8 letter prefix, "_", URL-safe base64 (may hold _ and -).
const ID = /^([a-z]{1,8})_[A-Za-z0-9_-]{1,64}$/;

/** The console page of `id`, or null when the console has none (invoices, sessions, …). */
export function objectHref(id) {
  const m = typeof id === 'string' ? ID.exec(id) : null;
  const base = m && Object.hasOwn(ROUTES, m[1]) ? ROUTES[m[1]] : null;
  return base ? base + encodeURIComponent(id) : null;
}

/** The id as a link to its page, or as plain code when it has none. */
export function idLink(id) {
  if (id === null || id === undefined || id === '') return null;
  const href = objectHref(id);
  return href ? el('a', { href, class: 'id' }, id) : code(id);
}
