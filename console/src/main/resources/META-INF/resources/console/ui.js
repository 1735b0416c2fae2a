// DOM helpers and formatting. Everything is built with createElement/textContent, never innerHTML:
// API values are untrusted (merchant and buyer input). The CSP also forbids inline styles and
// handlers, so there is no style attribute and no on…= attribute anywhere.

let idSeq = 0;

/** A fresh element id (labels need one to point at). */
export function uid(prefix = 'id') {
  idSeq += 1;
  return `${prefix}-${idSeq}`;
}

/**
 * el('button', {type: 'button', class: 'primary', onclick: fn}, 'Save').
 * Attributes: `class`, `text`, `value` (set as a property, after the children so that a select
 * finds its option), on<event> functions (addEventListener), true → empty attribute, false/null →
 * omitted. Children: nodes, strings, numbers, arrays; null/false are skipped.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  let value;
  for (const [key, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (key === 'style') throw new Error('inline styles are blocked by the CSP: use a class');
    if (key.startsWith('on') && typeof v === 'function') node.addEventListener(key.slice(2), v);
    else if (key === 'class') node.className = v;
    else if (key === 'text') node.textContent = v;
    else if (key === 'value') value = v;
    else if (v === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(v));
  }
  append(node, children);
  if (value !== undefined) node.value = value;
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function button(label, onClick, { kind = 'secondary', type = 'button', attrs = {} } = {}) {
  return el('button', { type, class: `btn btn-${kind}`, onclick: onClick, ...attrs }, label);
}

/** An in-app link (#/…). */
export function link(href, text) {
  return el('a', { href }, text);
}

/** A link to an outside URL, only when it is http(s): a javascript: URL stays plain text. */
export function externalLink(url) {
  if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
    return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'ext' }, url);
  }
  return document.createTextNode(url == null ? '—' : String(url));
}

export function code(text) {
  return el('code', {}, text);
}

/** `<h1>` (focusable, so navigation can move focus there) plus an optional subtitle; sets the tab title. */
export function pageHeader(root, title, { subtitle, actions } = {}) {
  document.title = `${title} · Console`;
  const header = el(
    'div',
    { class: 'page-header' },
    el('div', { class: 'page-title' }, el('h1', { tabindex: '-1' }, title), subtitle ? el('p', { class: 'subtitle' }, subtitle) : null),
    actions ? el('div', { class: 'page-actions' }, actions) : null,
  );
  root.append(header);
  return header;
}

export function section(title, ...children) {
  const id = uid('h');
  return el('section', { class: 'card', 'aria-labelledby': id }, el('h2', { id }, title), ...children);
}

// ---------------------------------------------------------------------------------------------
// Messages: one region at the top of the page (sticky), replaced by each new message. role=status
// for success, role=alert for errors, so assistive tech announces them.

let flashRoot = null;

export function flashContainer() {
  if (!flashRoot) flashRoot = el('div', { class: 'flash' });
  return flashRoot;
}

export function showStatus(...content) {
  setFlash('status', content);
}

export function showError(...content) {
  setFlash('alert', content);
}

export function clearFlash() {
  if (flashRoot) flashRoot.replaceChildren();
}

function setFlash(role, content) {
  const box = flashContainer();
  box.replaceChildren(el('p', { role, class: role === 'alert' ? 'msg msg-error' : 'msg msg-ok' }, ...content));
}

/** Errors a page need not show: it was left (abort), or the app already sent the user to sign in. */
export function isQuiet(error) {
  return Boolean(error && (error.name === 'AbortError' || error.handled));
}

export function reportError(error) {
  if (isQuiet(error)) return;
  if (!(error && error.name === 'ApiError')) console.error(error);
  showError(error?.message || 'Something went wrong.');
}

const running = new WeakSet();

/**
 * Runs `fn` once at a time per button (no double submits); errors go to the message region. The
 * button is marked aria-disabled rather than disabled: a disabled button loses keyboard focus.
 */
export async function busy(btn, fn) {
  if (running.has(btn)) return undefined;
  running.add(btn);
  btn.setAttribute('aria-disabled', 'true');
  btn.setAttribute('aria-busy', 'true');
  try {
    return await fn();
  } catch (e) {
    reportError(e);
    return undefined;
  } finally {
    running.delete(btn);
    btn.removeAttribute('aria-disabled');
    btn.removeAttribute('aria-busy');
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting. Amounts use en-US so every viewer (and every test) sees the same text.

const currencyFormats = new Map();

function currencyFormat(currency) {
  const codeUpper = String(currency || '').toUpperCase();
  if (!currencyFormats.has(codeUpper)) {
    let format = null;
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency: codeUpper });
    } catch {
      format = null; // not an ISO-4217 code: shown as "12.5 XYZ"
    }
    currencyFormats.set(codeUpper, format);
  }
  return currencyFormats.get(codeUpper);
}

/** The currency's decimals: USD 2, JPY 0, BHD 3 (what the API's minor units are based on). */
export function exponent(currency) {
  const format = currencyFormat(currency);
  return format ? format.resolvedOptions().maximumFractionDigits : 2;
}

/** 4999 USD → "$49.99"; 500 JPY → "¥500". */
export function formatMinor(minor, currency) {
  if (minor === null || minor === undefined || minor === '') return '—';
  const n = Number(minor);
  if (!Number.isFinite(n)) return String(minor);
  const major = n / 10 ** exponent(currency);
  const format = currencyFormat(currency);
  return format ? format.format(major) : `${major} ${currency ?? ''}`.trim();
}

/** "49.99" USD → "$49.99" (payments' public amounts are decimal strings). */
export function formatDecimal(amount, currency) {
  if (amount === null || amount === undefined || amount === '') return '—';
  const n = Number(amount);
  if (!Number.isFinite(n)) return String(amount);
  const format = currencyFormat(currency);
  return format ? format.format(n) : `${amount} ${currency ?? ''}`.trim();
}

/** 4999 USD → "49.99" (for an input's default value). */
export function minorToDecimal(minor, currency) {
  const exp = exponent(currency);
  return (Number(minor) / 10 ** exp).toFixed(exp);
}

/**
 * What the user typed ("49.99", "1,000") → integer minor units, by string arithmetic (no float
 * rounding). Throws an Error with a message for the user when it is not a valid amount.
 */
export function decimalToMinor(text, currency) {
  const exp = exponent(currency);
  const cur = String(currency || '').toUpperCase();
  const s = String(text ?? '').trim().replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) throw new Error(exp === 0 ? 'Enter a whole amount such as 1000.' : 'Enter an amount such as 10.00.');
  let frac = m[2] || '';
  if (frac.length > exp) frac = frac.replace(/0+$/, '');
  if (frac.length > exp) {
    throw new Error(exp === 0 ? `${cur} amounts have no decimals.` : `${cur} amounts have at most ${exp} decimals.`);
  }
  const minor = Number(m[1] + frac.padEnd(exp, '0'));
  if (!Number.isSafeInteger(minor)) throw new Error('That amount is too large.');
  if (minor <= 0) throw new Error('Enter an amount greater than zero.');
  return minor;
}

/** Unix seconds (number or digits) or an ISO-8601 string → Date, or null. */
export function toDate(value) {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || /^\d+$/.test(String(value))) {
    const n = Number(value);
    return new Date(n < 1e11 ? n * 1000 : n); // seconds, or already milliseconds
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

const pad = (n) => String(n).padStart(2, '0');

/** Local "YYYY-MM-DD HH:MM". */
export function formatTime(value) {
  const d = toDate(value);
  if (!d) return value ? String(value) : '—';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A <time> with the exact instant in datetime/title and the local minute as text. */
export function timeEl(value) {
  const d = toDate(value);
  if (!d) return document.createTextNode(value ? String(value) : '—');
  const iso = d.toISOString();
  return el('time', { datetime: iso, title: iso }, formatTime(value));
}

const TONES = {
  ok: ['completed', 'succeeded', 'active', 'enabled', 'paid', 'available', 'live', 'won', 'warning_closed'],
  warn: ['pending', 'in_transit', 'requires_action', 'partially_refunded', 'trialing', 'past_due', 'retrying', 'incomplete', 'open', 'expiring', 'draft',
    'needs_response', 'warning_needs_response', 'under_review', 'warning_under_review'],
  bad: ['failed', 'canceled', 'disabled', 'incomplete_expired', 'revoked', 'expired', 'uncollectible', 'void', 'lost'],
};

/** A status word as a coloured badge (the colour is a fixed class, never from the data). */
export function badge(status) {
  const word = status == null ? '—' : String(status);
  let tone = 'neutral';
  for (const [t, words] of Object.entries(TONES)) if (words.includes(word)) tone = t;
  return el('span', { class: `badge badge-${tone}` }, word);
}

// ---------------------------------------------------------------------------------------------
// Tables, key/value lists, pagination.

/**
 * columns: [{label, render(row) → node|string, numeric?}]. The caption is visible: it is the
 * table's title.
 */
export function table({ caption, columns, rows, empty = 'Nothing here yet.' }) {
  const head = el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label))));
  const body = el('tbody');
  if (!rows.length) {
    body.append(el('tr', {}, el('td', { colspan: String(columns.length), class: 'empty' }, empty)));
  }
  for (const row of rows) {
    body.append(el('tr', {}, columns.map((c) => el('td', { class: c.numeric ? 'num' : null }, cellValue(c.render(row))))));
  }
  return el('div', { class: 'table-wrap' }, el('table', {}, el('caption', {}, caption), head, body));
}

function cellValue(v) {
  if (v === null || v === undefined || v === '') return '—';
  return v;
}

/** [[label, value], …] → <dl>; null values show "—". */
export function kvList(pairs, className = 'kv') {
  const dl = el('dl', { class: className });
  for (const [label, value] of pairs) {
    dl.append(el('div', { class: 'kv-row' }, el('dt', {}, label), el('dd', {}, cellValue(value))));
  }
  return dl;
}

/** "1–20 of 345" with Previous/Next buttons. */
export function pager({ offset, limit, total, count, onChange }) {
  const from = offset + 1;
  const to = offset + count;
  const text = count > 0 ? `${from}–${to} of ${total}` : `0 of ${total}`;
  const prev = button('Previous', () => onChange(Math.max(0, offset - limit)), { attrs: { disabled: offset <= 0 } });
  const next = button('Next', () => onChange(offset + limit), { attrs: { disabled: to >= total } });
  return el('div', { class: 'pager' }, el('p', { class: 'pager-text' }, text), el('div', { class: 'pager-buttons' }, prev, next));
}

// ---------------------------------------------------------------------------------------------
// Forms.

/**
 * A labelled control. options → <select> (strings or {value,label}); type 'textarea' → <textarea>;
 * type 'checkbox' → checkbox after its label text. Returns the wrapper; `.control` is the control.
 */
export function field({ label, id = uid('f'), type = 'text', name, value, required, hint, options, attrs = {} }) {
  let control;
  if (options) {
    control = el('select', { id, name, required, ...attrs },
      options.map((o) => (typeof o === 'string' ? el('option', { value: o }, o) : el('option', { value: o.value, disabled: o.disabled }, o.label))));
  } else if (type === 'textarea') {
    control = el('textarea', { id, name, required, rows: '3', ...attrs });
  } else {
    control = el('input', { id, name, type, required, ...attrs });
  }
  if (type === 'checkbox') control.checked = Boolean(value);
  else if (value !== undefined && value !== null) control.value = String(value);
  const hintNode = hint ? el('p', { id: `${id}-hint`, class: 'hint' }, hint) : null;
  if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
  const labelNode = el('label', { for: id }, label);
  const wrap = type === 'checkbox'
    ? el('div', { class: 'field field-check' }, control, labelNode, hintNode)
    : el('div', { class: 'field' }, labelNode, control, hintNode);
  wrap.control = control;
  return wrap;
}

/**
 * Runs `action` when `form` is submitted and its fields are valid (else shows why), with `submit`
 * busy meanwhile: the one submit path of every console form.
 */
export function onValidSubmit(form, submit, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const invalid = invalidMessage(form);
    if (invalid) {
      showError(invalid);
      return;
    }
    await busy(submit, action);
  });
}

/**
 * The first invalid control's message ("Email: Please fill out this field."), focusing it; null
 * when the form is valid. Forms use novalidate so that errors show in our alert region rather
 * than in browser bubbles.
 */
export function invalidMessage(form) {
  for (const control of form.elements) {
    if (typeof control.checkValidity === 'function' && !control.checkValidity()) {
      const labelNode = control.id ? form.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
      control.focus();
      const name = labelNode ? labelNode.textContent : control.name;
      return `${name}: ${control.validationMessage}`;
    }
  }
  return null;
}

/** "a, b  c" → ["a","b","c"]. */
export function splitList(text) {
  return String(text || '').split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Dialogs: a native <dialog> opened with showModal() (focus is trapped, the page behind is inert,
// Escape cancels). Resolves with onConfirm's result, or null when cancelled.

export function openDialog({ title, description, fields = [], confirmText, cancelText = 'Cancel', danger = false, onConfirm }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const titleId = uid('dlg');
    const messages = el('div', { class: 'dialog-messages' });
    const cancel = button(cancelText, () => dialog.close(), { kind: 'secondary' });
    const confirm = el('button', { type: 'submit', class: danger ? 'btn btn-danger' : 'btn btn-primary' }, confirmText);
    const form = el('form', { class: 'dialog-form', novalidate: true },
      description ? el('p', { class: 'dialog-text' }, description) : null,
      messages,
      fields,
      el('div', { class: 'dialog-buttons' }, confirm, cancel));
    const dialog = el('dialog', { class: 'dialog', 'aria-labelledby': titleId }, el('h2', { id: titleId }, title), form);
    let inFlight = false;
    let result = null;

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (inFlight) return;
      messages.replaceChildren();
      const invalid = invalidMessage(form);
      if (invalid) {
        messages.append(el('p', { role: 'alert', class: 'msg msg-error' }, invalid));
        return;
      }
      inFlight = true;
      confirm.setAttribute('aria-disabled', 'true');
      try {
        result = (await onConfirm(form)) ?? true;
        dialog.close();
      } catch (e) {
        if (isQuiet(e)) {
          dialog.close();
        } else {
          messages.append(el('p', { role: 'alert', class: 'msg msg-error' }, e?.message || 'Something went wrong.'));
        }
      } finally {
        inFlight = false;
        confirm.removeAttribute('aria-disabled');
      }
    });
    // Escape cancels, but not while the request is on its way (its answer would be lost).
    dialog.addEventListener('cancel', (event) => {
      if (inFlight) event.preventDefault();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && opener.isConnected && typeof opener.focus === 'function') opener.focus();
      resolve(result);
    });

    document.body.append(dialog);
    dialog.showModal();
    // The first field; with none (a plain confirmation) the safe choice, Cancel.
    const first = form.querySelector('input:not([type=hidden]):not([readonly]), select, textarea');
    (first || cancel).focus();
  });
}

// ---------------------------------------------------------------------------------------------
// Clipboard and secrets shown once.

export async function copyText(text, near) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way (e.g. permission denied)
  }
  // Plain-http deployments have no async clipboard: select a temporary textarea and copy.
  const area = el('textarea', { class: 'visually-hidden', readonly: true, 'aria-hidden': 'true', tabindex: '-1' });
  area.value = text;
  (near && near.isConnected ? near.parentNode : document.body).append(area);
  area.focus();
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function copyButton(getText, label = 'Copy') {
  const btn = button(label, async () => {
    const ok = await copyText(getText(), btn);
    if (ok) showStatus('Copied to the clipboard.');
    else showError('Could not copy: select the text and copy it by hand.');
    btn.focus();
  });
  return btn;
}

/**
 * A secret shown once: `<label for>` + `<output>` (labelable, and its value is its text), a Copy
 * button and a warning.
 */
export function secretOnce({ label, value, note, extra }) {
  const id = uid('secret');
  const output = el('output', { id, class: 'secret', 'aria-label': label }, value);
  return el('div', { class: 'secret-once' },
    el('label', { for: id }, label),
    el('div', { class: 'secret-row' }, output, copyButton(() => output.textContent)),
    el('p', { class: 'secret-note' }, note),
    extra || null);
}

/**
 * Replaces a container's children without dropping keyboard focus: when a button inside had it,
 * the new button with the same text (or at the same position) gets it back.
 */
export function replaceKeepingFocus(container, ...nodes) {
  const active = document.activeElement;
  const had = active && container.contains(active) && active.tagName === 'BUTTON';
  const buttons = had ? [...container.querySelectorAll('button')] : [];
  const text = had ? active.textContent : null;
  const index = had ? buttons.indexOf(active) : -1;
  container.replaceChildren(...nodes);
  if (!had) return;
  const next = [...container.querySelectorAll('button')];
  const target = next.find((b) => b.textContent === text && !b.disabled) || next[index] || next.find((b) => !b.disabled);
  if (target) target.focus();
}
