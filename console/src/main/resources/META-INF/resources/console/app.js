// The console's entry point: loads the session, draws the layout (header, navigation, messages)
// and routes #/… to the pages. Signed out, every route but #/signup shows the sign-in page.
import * as api from './api.js';
import { can, state } from './state.js';
import { el, button, flashContainer, clearFlash, showStatus, reportError, isQuiet } from './ui.js';
import { renderLogin, renderSecondFactor, renderSignup } from './pages/auth.js';
import * as home from './pages/home.js';
import * as payments from './pages/payments.js';
import * as disputes from './pages/disputes.js';
import * as payouts from './pages/payouts.js';
import * as objects from './pages/objects.js';
import * as events from './pages/events.js';
import * as developers from './pages/developers.js';
import * as team from './pages/team.js';
import * as security from './pages/security.js';
import * as activity from './pages/activity.js';

const app = document.getElementById('app');

// ---------------------------------------------------------------------------------------------
// Routes: a path pattern (":id" is a parameter) and the page that draws it.

const ROUTES = [
  ['/', home.render],
  ['/payments', payments.list],
  ['/payments/:id', payments.detail],
  ['/disputes', disputes.list],
  ['/disputes/:id', disputes.detail],
  ['/payouts', payouts.list],
  ['/payouts/:id', payouts.detail],
  ...['refunds', 'customers', 'products', 'plans', 'subscriptions', 'payment-links'].flatMap((key) => [
    [`/${key}`, objects.listPage(key)],
    [`/${key}/:id`, objects.detailPage(key)],
  ]),
  ['/events', events.list],
  ['/events/:id', events.detail],
  ['/developers', developers.render],
  ['/developers/webhooks/:id', developers.webhookDetail],
  ['/team', team.render],
  ['/activity', activity.render],
  ['/security', security.render],
].map(([pattern, render]) => ({ pattern, parts: pattern.split('/').filter(Boolean), render }));

const NAV = [
  ['Home', '/'], ['Payments', '/payments'], ['Disputes', '/disputes'], ['Refunds', '/refunds'], ['Payouts', '/payouts'], ['Customers', '/customers'],
  ['Products', '/products'], ['Plans', '/plans'], ['Subscriptions', '/subscriptions'],
  ['Payment links', '/payment-links'], ['Events', '/events'], ['Developers', '/developers'], ['Team', '/team'],
  ['Activity', '/activity', () => can.manageTeam()], ['Security', '/security'],
];

/** location.hash → {path: "/payments/pay_1", query: URLSearchParams}. */
function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  let path = q >= 0 ? raw.slice(0, q) : raw;
  path = `/${path.split('/').filter(Boolean).join('/')}`;
  return { path, query: new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '') };
}

function matchRoute(path) {
  const parts = path.split('/').filter(Boolean);
  for (const route of ROUTES) {
    if (route.parts.length !== parts.length) continue;
    const params = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i += 1) {
      const want = route.parts[i];
      if (want.startsWith(':')) {
        try {
          params[want.slice(1)] = decodeURIComponent(parts[i]);
        } catch {
          ok = false;
        }
      } else {
        ok = want === parts[i];
      }
    }
    if (ok) return { route, params };
  }
  return null;
}

/** "#/payments?status=failed" from a path and the non-empty query values. */
function href(path, query = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}

let pendingFlash = null;

/** Goes to `hash` (re-rendering when it is already there); `flash` is shown on the new page. */
function navigate(hash, { flash } = {}) {
  pendingFlash = flash || null;
  if (location.hash === hash || (hash === '#/' && !location.hash)) renderRoute({ focus: true });
  else location.hash = hash;
}

// ---------------------------------------------------------------------------------------------
// Session

function setSession(session) {
  state.session = session;
  api.setCsrfToken(session?.csrf_token);
  api.setTabMode(session?.mode);
}

// Another tab switched the session's mode: this tab's data is the other mode's, so nothing more is
// sent from it until it is reloaded (the edge refuses it anyway).
api.setModeChangedHandler((sessionMode) => {
  if (!shell) return;
  const shown = state.session?.mode === 'live' ? 'live' : 'test';
  shell.staleText.textContent = `This tab is showing ${shown} data; reload. `
    + `The console was switched to ${sessionMode === 'live' ? 'live' : 'test'} mode in another tab.`;
  shell.stale.hidden = false;
  shell.stale.querySelector('button')?.focus();
});

function signedOut(notice) {
  if (current) current.controller.abort();
  current = null;
  setSession(null);
  shell = null;
  renderLogin(app, { onSignedIn: signedIn, notice });
}

function signedIn(session) {
  setSession(session);
  if (session?.stage === 'two_factor') {
    renderSecondFactor(app, { onSignedIn: signedIn, onCancel: logOut });
    return;
  }
  if (parseHash().path === '/signup') history.replaceState(null, '', '#/');
  renderRoute({ focus: true });
}

api.setUnauthorizedHandler(() => {
  if (state.session) signedOut('Your session has ended. Sign in again.');
});

async function logOut() {
  try {
    await api.del('/console/api/session');
  } catch (e) {
    if (!isQuiet(e) && e.status !== 401) {
      reportError(e);
      return;
    }
  }
  history.replaceState(null, '', '#/');
  signedOut('You are signed out.');
}

// ---------------------------------------------------------------------------------------------
// Layout: header (merchant, mode, user, log out), test-data banner, navigation, main.

let shell = null;

function buildShell() {
  const modeSelect = el('select', { id: 'mode-select', name: 'mode' },
    el('option', { value: 'test' }, 'Test'),
    el('option', { value: 'live' }, 'Live'));
  modeSelect.addEventListener('change', () => changeMode(modeSelect));
  const merchantName = el('span', { class: 'merchant-name' });
  const userEmail = el('span', { class: 'user-email' });
  const userRole = el('span', { class: 'badge badge-neutral user-role' });
  const banner = el('div', { class: 'test-banner', role: 'note' },
    el('strong', {}, 'Test data'), ' — you are looking at test mode. Nothing here moves real money.');
  const staleText = el('span');
  const stale = el('div', { class: 'msg msg-error stale-banner', role: 'alert', hidden: true },
    staleText, button('Reload', () => location.reload(), { kind: 'primary' }));
  const main = el('main', { id: 'main', tabindex: '-1' });
  const links = NAV.filter(([, , shown]) => !shown || shown())
    .map(([label, path]) => el('a', { href: `#${path}`, 'data-path': path }, label));
  const skip = el('a', { href: '#/', class: 'skip-link' }, 'Skip to content');
  skip.addEventListener('click', (e) => {
    e.preventDefault(); // a real #main would be taken for a route
    (main.querySelector('h1') || main).focus();
  });

  const root = el('div', { class: 'console' },
    skip,
    el('header', { class: 'topbar' },
      el('div', { class: 'brand' }, el('span', { class: 'logo', 'aria-hidden': 'true' }, '◆'), merchantName),
      el('div', { class: 'topbar-controls' },
        el('div', { class: 'mode-control' }, el('label', { for: 'mode-select' }, 'Mode'), modeSelect),
        el('span', { class: 'user' }, userEmail, ' ', userRole),
        button('Log out', logOut))),
    stale,
    banner,
    el('div', { class: 'layout' },
      el('nav', { 'aria-label': 'Main', class: 'sidenav' }, el('ul', {}, links.map((a) => el('li', {}, a)))),
      main));
  app.replaceChildren(root);
  shell = { modeSelect, merchantName, userEmail, userRole, banner, stale, staleText, main, links };
}

function updateShell() {
  const s = state.session;
  shell.merchantName.textContent = s.merchant?.name ?? '';
  shell.userEmail.textContent = s.user?.email ?? '';
  shell.userRole.textContent = s.user?.role ?? '';
  shell.modeSelect.value = s.mode === 'live' ? 'live' : 'test';
  shell.banner.hidden = s.mode === 'live';
  document.documentElement.dataset.mode = s.mode === 'live' ? 'live' : 'test';
}

function markNav(path) {
  for (const a of shell.links) {
    const p = a.dataset.path;
    const active = p === '/' ? path === '/' : path === p || path.startsWith(`${p}/`);
    if (active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

/** Test and live data never share a screen: a detail page goes back to its list after a switch. */
async function changeMode(select) {
  const wanted = select.value;
  select.disabled = true;
  try {
    const session = await api.put('/console/api/session/mode', { mode: wanted });
    setSession(session);
    updateShell();
    const { path } = parseHash();
    const found = matchRoute(path);
    const listPath = found && found.route.parts.some((p) => p.startsWith(':')) ? parentList(path) : null;
    const note = `Switched to ${session.mode === 'live' ? 'live' : 'test'} mode.`;
    if (listPath) navigate(`#${listPath}`, { flash: note });
    else {
      pendingFlash = note;
      renderRoute({ focus: false });
    }
  } catch (e) {
    select.value = state.session?.mode === 'live' ? 'live' : 'test';
    reportError(e);
  } finally {
    select.disabled = false;
    select.focus();
  }
}

function parentList(path) {
  return path.startsWith('/developers/') ? '/developers' : `/${path.split('/').filter(Boolean)[0]}`;
}

// ---------------------------------------------------------------------------------------------
// Rendering a route

let current = null; // {controller}: aborted when the user leaves, so late answers go nowhere

function renderRoute({ focus = false } = {}) {
  if (current) current.controller.abort();
  const controller = new AbortController();
  current = { controller };
  const { path, query } = parseHash();

  if (path === '/signup') {
    shell = null;
    renderSignup(app, query.get('token'), { onSignedIn: signedIn });
    return;
  }
  if (!state.session) {
    signedOut();
    return;
  }
  if (state.session.stage === 'two_factor') {
    shell = null;
    renderSecondFactor(app, { onSignedIn: signedIn, onCancel: logOut });
    return;
  }
  if (state.session.stage === 'enrol_two_factor' && path !== '/security') {
    // The team requires two-factor sign-in: nothing else works until this user has enrolled.
    history.replaceState(null, '', '#/security');
    renderRoute({ focus });
    return;
  }
  if (!shell) buildShell();
  updateShell();
  markNav(path);

  const root = el('div', { class: 'page' });
  clearFlash();
  shell.main.replaceChildren(flashContainer(), root);
  if (pendingFlash) showStatus(pendingFlash);
  pendingFlash = null;

  const found = matchRoute(path);
  const ctx = {
    root,
    params: found ? found.params : {},
    query,
    signal: controller.signal,
    alive: () => !controller.signal.aborted,
    navigate,
    href,
    poll: (fn, options) => poll(controller.signal, fn, options),
    // After the user's own security changed (an enrolment that finished signing in).
    refreshSession: async () => {
      setSession(await api.get('/console/api/session'));
      updateShell();
    },
  };
  const done = found ? found.route.render(ctx) : notFound(ctx);
  // Pages draw their <h1> before their first await: move focus there for screen readers and
  // keyboard users (not on the first load, and not after a mode switch).
  if (focus) root.querySelector('h1')?.focus();
  Promise.resolve(done).catch((e) => {
    if (controller.signal.aborted) return;
    reportError(e);
  });
}

function notFound(ctx) {
  document.title = 'Not found · Console';
  ctx.root.append(
    el('h1', { tabindex: '-1' }, 'Not found'),
    el('p', {}, 'There is no such page. ', el('a', { href: '#/' }, 'Go to Home'), '.'));
}

/**
 * Calls fn every `interval` ms for `duration` ms, until the page is left or fn answers true (what
 * it waited for has happened); failures are skipped.
 */
function poll(signal, fn, { interval = 2000, duration = 30000 } = {}) {
  const until = Date.now() + duration;
  const tick = async () => {
    if (signal.aborted || Date.now() > until) return;
    try {
      if ((await fn()) === true) return;
    } catch {
      // a poll that fails (a blip) is simply tried again at the next tick
    }
    if (!signal.aborted && Date.now() < until) timer = setTimeout(tick, interval);
  };
  let timer = setTimeout(tick, interval);
  signal.addEventListener('abort', () => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// Start

let booting = false; // until the session is known, a hash change waits for boot to draw it

async function boot() {
  booting = true;
  try {
    await start();
  } finally {
    booting = false;
  }
}

async function start() {
  if (parseHash().path === '/signup') {
    renderRoute();
    return;
  }
  app.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
  try {
    setSession(await api.get('/console/api/session', { authRedirect: false }));
  } catch (e) {
    if (e.status === 401) {
      signedOut();
      return;
    }
    const retry = button('Retry', () => boot(), { kind: 'primary' });
    app.replaceChildren(el('main', { class: 'auth-page' }, el('div', { class: 'auth-card' },
      el('h1', {}, 'Console unavailable'),
      el('p', { role: 'alert', class: 'msg msg-error' }, e.message),
      retry)));
    return;
  }
  renderRoute();
}

window.addEventListener('hashchange', () => {
  if (!booting) renderRoute({ focus: true });
});
boot();
