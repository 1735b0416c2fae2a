// Payouts (payments-service, docs/payouts.md): the merchant's payouts to its bank, newest first;
// a payout's detail with the balance transactions it paid and their sum; the payout settings
// (schedule and bank account); "Pay out now" on the manual schedule; Cancel while pending.
// Viewers read; only roles that may write see the forms and buttons (the edge refuses them too).
import * as api from '../api.js';
import { can } from '../state.js';
import {
  el, button, busy, badge, table, kvList, pager, field, pageHeader, section, timeEl, openDialog,
  formatMinor, decimalToMinor, showStatus, isQuiet, uid,
} from '../ui.js';
import { idLink } from '../links.js';

const PAGE_SIZE = 20;
const ITEMS_PAGE_SIZE = 20;
export const PAYOUT_STATUSES = ['pending', 'in_transit', 'paid', 'failed', 'canceled'];
const FINAL = new Set(['paid', 'failed', 'canceled']);
const INTERVALS = ['manual', 'daily', 'weekly', 'monthly'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const READ_ONLY_NOTE = 'Only team members who may make changes can change payout settings or pay out.';

const payoutPath = (id) => `/v1/payouts/${encodeURIComponent(id)}`;

/** "Daily, 2 days' delay", "Weekly on monday, …", "Manual". */
function describeSchedule(s) {
  if (!s || s.interval === 'manual') return 'Manual (you pay out when you choose)';
  const delay = `${s.delay_days} day${s.delay_days === 1 ? '' : 's'} after funds become available`;
  if (s.interval === 'weekly') return `Weekly on ${s.weekly_anchor}, ${delay}`;
  if (s.interval === 'monthly') return `Monthly on day ${s.monthly_anchor}, ${delay}`;
  return `Daily, ${delay}`;
}

// ---------------------------------------------------------------------------------------------
// A form's errors: a 422's field errors next to their fields (by the API's name for them, the
// last part of `loc`), anything else in the form's own message slot.

function formErrors(fieldsByName, general) {
  const shown = [];
  function clear() {
    for (const { node, control, describedBy } of shown) {
      node.remove();
      control.removeAttribute('aria-invalid');
      if (describedBy) control.setAttribute('aria-describedby', describedBy);
      else control.removeAttribute('aria-describedby');
    }
    shown.length = 0;
    general.replaceChildren();
  }
  function atField(name, message) {
    const wrap = fieldsByName[name];
    if (!wrap || wrap.hidden) return false;
    const { control } = wrap;
    const node = el('p', { id: uid('err'), class: 'field-error', role: 'alert' }, message);
    const describedBy = control.getAttribute('aria-describedby');
    wrap.append(node);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', describedBy ? `${describedBy} ${node.id}` : node.id);
    shown.push({ node, control, describedBy });
    return true;
  }
  function show(error) {
    clear();
    if (isQuiet(error)) return;
    const details = error?.status === 422 && Array.isArray(error.body?.detail) ? error.body.detail : [];
    if (!details.length) {
      general.append(el('p', { role: 'alert', class: 'msg msg-error' }, error?.message || 'Something went wrong.'));
      return;
    }
    for (const d of details) {
      const loc = Array.isArray(d.loc) ? d.loc : [];
      const name = loc.length ? String(loc[loc.length - 1]) : '';
      const message = d.msg ?? 'is invalid';
      if (!atField(name, message)) {
        general.append(el('p', { role: 'alert', class: 'msg msg-error' }, name ? `${name}: ${message}` : message));
      }
    }
    const first = shown[0]?.control;
    if (first) first.focus();
  }
  return { clear, show, atField };
}

/** Asks, then cancels a pending payout; resolves the canceled payout or null. */
function confirmCancel(ctx, payout) {
  return openDialog({
    title: 'Cancel payout',
    description: `Cancel payout ${payout.id} of ${formatMinor(payout.amount, payout.currency)}? `
      + 'The money goes back to your available balance. A payout already sent to the bank cannot be canceled.',
    confirmText: 'Cancel payout',
    cancelText: 'Keep it',
    danger: true,
    onConfirm: () => api.post(`${payoutPath(payout.id)}/cancel`, {}, { signal: ctx.signal }),
  });
}

// ---------------------------------------------------------------------------------------------
// #/payouts?status=&offset=

export async function list(ctx) {
  pageHeader(ctx.root, 'Payouts');
  const q = ctx.query;
  const status = PAYOUT_STATUSES.includes(q.get('status')) ? q.get('status') : '';
  const offset = Math.max(0, parseInt(q.get('offset'), 10) || 0);
  const here = ctx.href('/payouts', { status, offset: offset || '' });
  const reload = (flash) => ctx.navigate(here, { flash });

  const payNow = el('div');
  const payNowSection = section('Pay out now', payNow);
  payNowSection.hidden = true;

  const statusField = field({ label: 'Status', value: status, options: [{ value: '', label: 'any' }, ...PAYOUT_STATUSES] });
  const filters = el('form', { class: 'filters', novalidate: true }, statusField,
    el('div', { class: 'filter-buttons' },
      el('button', { type: 'submit', class: 'btn btn-primary' }, 'Apply'),
      el('a', { href: '#/payouts', class: 'btn btn-link' }, 'Clear filters')));
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.navigate(ctx.href('/payouts', { status: statusField.control.value }));
  });
  const results = el('section', { class: 'card', 'aria-label': 'Payouts' }, el('p', { class: 'muted' }, 'Loading…'));
  const settingsBox = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  ctx.root.append(
    payNowSection,
    el('section', { class: 'card', 'aria-label': 'Filters' }, filters),
    results,
    section('Payout settings', settingsBox));

  const [page, settings, balance] = await Promise.all([
    api.get('/v1/payouts', { query: { limit: PAGE_SIZE, offset, status }, signal: ctx.signal }),
    api.get('/v1/payout_settings', { signal: ctx.signal }),
    api.get('/v1/balance', { signal: ctx.signal }),
  ]);

  let rows = page.items || [];
  let total = page.total_items ?? rows.length;
  const renderRows = () => results.replaceChildren(
    table({
      caption: 'Payouts, newest first',
      empty: status ? 'No payouts with this status.' : 'No payouts yet.',
      rows,
      columns: [
        { label: 'ID', render: (p) => idLink(p.id) },
        { label: 'Amount', render: (p) => formatMinor(p.amount, p.currency), numeric: true },
        { label: 'Status', render: (p) => badge(p.status) },
        { label: 'Arrival date', render: (p) => p.arrival_date },
        { label: 'Type', render: (p) => (p.automatic ? 'automatic' : 'manual') },
        { label: 'Created', render: (p) => timeEl(p.created_at) },
        ...(can.write() ? [{
          label: 'Actions',
          render: (p) => (p.status === 'pending'
            ? button('Cancel payout', async () => {
              const done = await confirmCancel(ctx, p);
              if (done) reload(`Payout ${p.id} canceled`);
            })
            : null),
        }] : []),
      ],
    }),
    pager({
      offset, limit: PAGE_SIZE, total, count: rows.length,
      onChange: (o) => ctx.navigate(ctx.href('/payouts', { status, offset: o || '' })),
    }));
  renderRows();

  renderSettings(ctx, settingsBox, settings, reload);

  const available = balance?.available || [];
  if (settings.schedule?.interval === 'manual') {
    payNowSection.hidden = false;
    payNow.replaceChildren(
      kvList(available.length
        ? available.map((b) => [`Available (${b.currency})`, el('strong', { class: 'amount' }, formatMinor(b.amount, b.currency))])
        : [['Available', 'Nothing yet']]),
      can.write() ? payNowForm(ctx, settings, available, reload) : el('p', { class: 'muted' }, READ_ONLY_NOTE));
  }

  // While a payout on this page is on its way, its status changes within seconds: keep the table
  // fresh (only the table: a form being filled in stays as it is).
  if (rows.some((p) => !FINAL.has(p.status))) {
    ctx.poll(async () => {
      const fresh = await api.get('/v1/payouts', { query: { limit: PAGE_SIZE, offset, status }, signal: ctx.signal });
      const now = fresh.items || [];
      const changed = now.length !== rows.length || now.some((p, i) => rows[i].id !== p.id || rows[i].status !== p.status);
      if (changed && ctx.alive() && !document.querySelector('dialog[open]')) {
        total = fresh.total_items ?? now.length;
        rows = now;
        renderRows();
      }
      return !rows.some((p) => !FINAL.has(p.status));
    }, { interval: 3000, duration: 120000 });
  }
}

/** A manual payout: amount in the currency's major units, sent as integer minor units. */
function payNowForm(ctx, settings, available, reload) {
  const currencies = available.map((b) => b.currency);
  const amount = field({
    label: 'Amount', attrs: { inputmode: 'decimal', autocomplete: 'off', placeholder: '10.00' }, required: true,
    hint: 'At most the available balance, in the currency\'s units (10.50 for USD).',
  });
  const currency = currencies.length
    ? field({ label: 'Currency', options: currencies, value: currencies[0] })
    : field({ label: 'Currency', value: 'USD', required: true, attrs: { maxlength: '3', autocomplete: 'off', class: 'short' } });
  const description = field({ label: 'Description', attrs: { maxlength: '500', autocomplete: 'off' } });
  const general = el('div');
  const errors = formErrors({ amount, currency, description }, general);
  const submit = el('button', { type: 'submit', class: 'btn btn-primary' }, 'Pay out');
  const now = settings.test_clock ? Date.parse(settings.test_clock.now) : Date.now();
  const held = settings.payouts_held_until && Date.parse(settings.payouts_held_until) > now
    ? el('p', { class: 'msg msg-warn' }, 'Payouts to the new bank account are held until ', timeEl(settings.payouts_held_until), '.')
    : null;
  const form = el('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Pay out now' },
    amount, currency, description, general,
    el('div', { class: 'form-buttons' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.clear();
    const cur = currency.control.value.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(cur)) {
      errors.atField('currency', 'Enter a three-letter currency code such as USD.');
      currency.control.focus();
      return;
    }
    let minor;
    try {
      minor = decimalToMinor(amount.control.value, cur);
    } catch (err) {
      errors.atField('amount', err.message);
      amount.control.focus();
      return;
    }
    await busy(submit, async () => {
      try {
        const body = { amount: minor, currency: cur };
        const text = description.control.value.trim();
        if (text) body.description = text;
        const payout = await api.post('/v1/payouts', body, { signal: ctx.signal });
        reload(`Payout ${payout.id} of ${formatMinor(payout.amount, payout.currency)} created`);
      } catch (err) {
        errors.show(err);
      }
    });
  });
  if (!settings.external_account) {
    return el('div', {}, el('p', { class: 'muted' }, 'Add a bank account under Payout settings to pay out.'), form);
  }
  return el('div', {}, held, form);
}

// ---------------------------------------------------------------------------------------------
// Payout settings: the schedule and the bank account.

function renderSettings(ctx, box, settings, reload) {
  const s = settings.schedule || {};
  const account = settings.external_account;
  // Rows without a value (no next run on the manual schedule, no hold) are left out.
  const present = (pairs) => pairs.filter(([, v]) => v !== null && v !== undefined);
  const scheduleView = kvList(present([
    ['Pays out', describeSchedule(s)],
    ['Next automatic payout', s.next_run_at ? timeEl(s.next_run_at) : null],
    ['Payout clock (test mode)', settings.test_clock ? timeEl(settings.test_clock.now) : null],
  ]));
  const accountView = account
    ? kvList(present([
      ['Account holder', account.account_holder_name],
      ['Account', `•••• ${account.last4}`],
      ['Country', account.country],
      ['Routing number', account.routing_number],
      ['Added', timeEl(account.created_at)],
      ['Payouts held until', settings.payouts_held_until ? timeEl(settings.payouts_held_until) : null],
    ]))
    : el('p', { class: 'muted' }, 'No bank account yet: payouts cannot be made until you add one.');

  box.replaceChildren(
    el('h3', {}, 'Schedule'),
    scheduleView,
    can.write() ? scheduleForm(ctx, s, reload) : null,
    el('h3', {}, 'Bank account'),
    accountView,
    el('p', { class: 'hint' },
      'Setting or changing the bank account holds payouts for 24 hours: a new account cannot receive money at once.'),
    can.write() ? accountForm(ctx, account, reload) : el('p', { class: 'muted' }, READ_ONLY_NOTE));
}

function scheduleForm(ctx, s, reload) {
  const interval = field({ label: 'Interval', options: INTERVALS, value: s.interval || 'manual' });
  const delay = field({
    label: 'Delay (days)', type: 'number', value: s.delay_days ?? 2,
    attrs: { min: '1', max: '30', step: '1', class: 'short' },
    hint: 'Pays what became available this many days before the run.',
  });
  const weekly = field({ label: 'Weekly anchor', options: WEEKDAYS, value: s.weekly_anchor || 'monday' });
  const monthly = field({
    label: 'Monthly anchor', type: 'number', value: s.monthly_anchor ?? 1,
    attrs: { min: '1', max: '31', step: '1', class: 'short' },
    hint: 'The day of the month (its last day when the month is shorter).',
  });
  const general = el('div');
  const errors = formErrors({ interval, delay_days: delay, weekly_anchor: weekly, monthly_anchor: monthly }, general);
  const sync = () => {
    const v = interval.control.value;
    delay.hidden = v === 'manual';
    weekly.hidden = v !== 'weekly';
    monthly.hidden = v !== 'monthly';
  };
  interval.control.addEventListener('change', sync);
  sync();
  const submit = el('button', { type: 'submit', class: 'btn btn-secondary' }, 'Save schedule');
  const form = el('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Payout schedule' },
    interval, delay, weekly, monthly, general, el('div', { class: 'form-buttons' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.clear();
    const v = interval.control.value;
    const schedule = { interval: v };
    if (v !== 'manual') {
      const days = Number(delay.control.value);
      if (!Number.isInteger(days) || days < 1 || days > 30) {
        errors.atField('delay_days', 'Enter a whole number of days from 1 to 30.');
        return;
      }
      schedule.delay_days = days;
    }
    if (v === 'weekly') schedule.weekly_anchor = weekly.control.value;
    if (v === 'monthly') {
      const day = Number(monthly.control.value);
      if (!Number.isInteger(day) || day < 1 || day > 31) {
        errors.atField('monthly_anchor', 'Enter a day of the month from 1 to 31.');
        return;
      }
      schedule.monthly_anchor = day;
    }
    await busy(submit, async () => {
      try {
        await api.post('/v1/payout_settings', { schedule }, { signal: ctx.signal });
        reload('Payout schedule saved');
      } catch (err) {
        errors.show(err);
      }
    });
  });
  return form;
}

function accountForm(ctx, account, reload) {
  const kind = field({
    label: 'Account type',
    options: [{ value: 'iban', label: 'IBAN' }, { value: 'us', label: 'US account and routing number' }],
    value: account?.routing_number ? 'us' : 'iban',
  });
  const holder = field({
    label: 'Account holder name', required: true, value: account?.account_holder_name ?? '',
    attrs: { maxlength: '140', autocomplete: 'off' },
  });
  const iban = field({ label: 'IBAN', attrs: { autocomplete: 'off', spellcheck: 'false', placeholder: 'DE89 3704 0044 0532 0130 00' } });
  const number = field({ label: 'Account number', attrs: { autocomplete: 'off', inputmode: 'numeric', spellcheck: 'false' } });
  const routing = field({ label: 'Routing number', attrs: { autocomplete: 'off', inputmode: 'numeric', spellcheck: 'false' } });
  const general = el('div');
  const errors = formErrors({
    account_holder_name: holder, iban, account_number: number, routing_number: routing,
  }, general);
  const sync = () => {
    const us = kind.control.value === 'us';
    iban.hidden = us;
    number.hidden = !us;
    routing.hidden = !us;
  };
  kind.control.addEventListener('change', sync);
  sync();
  const submit = el('button', { type: 'submit', class: 'btn btn-secondary' }, account ? 'Change bank account' : 'Save bank account');
  const form = el('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Bank account' },
    kind, holder, iban, number, routing, general, el('div', { class: 'form-buttons' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.clear();
    const name = holder.control.value.trim();
    if (!name) {
      errors.atField('account_holder_name', 'Enter the account holder\'s name.');
      holder.control.focus();
      return;
    }
    const external = { account_holder_name: name };
    if (kind.control.value === 'us') {
      external.account_number = number.control.value.replace(/\s+/g, '');
      external.routing_number = routing.control.value.replace(/\s+/g, '');
      if (!external.account_number) {
        errors.atField('account_number', 'Enter the account number.');
        return;
      }
      if (!external.routing_number) {
        errors.atField('routing_number', 'Enter the routing number.');
        return;
      }
    } else {
      external.iban = iban.control.value.trim();
      if (!external.iban) {
        errors.atField('iban', 'Enter the IBAN.');
        return;
      }
    }
    await busy(submit, async () => {
      try {
        const saved = await api.post('/v1/payout_settings', { external_account: external }, { signal: ctx.signal });
        // The full number is never kept on the page: only last4 comes back.
        iban.control.value = '';
        number.control.value = '';
        routing.control.value = '';
        const until = saved.payouts_held_until ? ` Payouts to it are held until ${new Date(saved.payouts_held_until).toISOString().replace('.000', '')}.` : '';
        reload(`Bank account •••• ${saved.external_account?.last4 ?? ''} saved.${until}`);
      } catch (err) {
        errors.show(err);
      }
    });
  });
  return form;
}

// ---------------------------------------------------------------------------------------------
// #/payouts/{id}

export async function detail(ctx) {
  const id = ctx.params.id;
  const cancelButton = can.write()
    ? button('Cancel payout', () => cancel(), { kind: 'danger', attrs: { hidden: true } })
    : null;
  pageHeader(ctx.root, 'Payout', { subtitle: el('code', {}, id), actions: cancelButton });
  const failure = el('div');
  const summary = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  const items = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  ctx.root.append(failure, section('Summary', summary), section('Balance transactions', items));

  let payout = null;
  let itemRows = [];
  let itemsOffset = 0;

  function render() {
    const p = payout;
    const failed = p.status === 'failed';
    failure.replaceChildren(failed
      ? el('p', { role: 'alert', class: 'msg msg-error' },
        el('strong', {}, p.failure_code || 'failed'), p.failure_message ? `: ${p.failure_message}` : '')
      : '');
    summary.replaceChildren(kvList([
      ['Amount', el('strong', { class: 'amount' }, formatMinor(p.amount, p.currency))],
      ['Status', badge(p.status)],
      ['Arrival date', p.arrival_date],
      ['Type', p.automatic ? 'automatic (by the schedule)' : 'manual'],
      ['Method', p.method],
      ['Destination', idLink(p.destination)],
      ['Description', p.description],
      ...(failed ? [['Failure code', p.failure_code], ['Failure message', p.failure_message]] : []),
      ['Balance transaction', idLink(p.balance_transaction)],
      ['Failure balance transaction', p.failure_balance_transaction ? idLink(p.failure_balance_transaction) : null],
      ['Created', timeEl(p.created_at)],
      ['Updated', timeEl(p.updated_at)],
    ]));
    if (cancelButton) cancelButton.hidden = p.status !== 'pending';
  }

  function renderItems() {
    const p = payout;
    const sum = itemRows.reduce((acc, t) => acc + Number(t.net || 0), 0);
    const shown = itemRows.slice(itemsOffset, itemsOffset + ITEMS_PAGE_SIZE);
    const note = itemRows.length
      ? el('p', {}, 'Sum of nets: ', el('strong', { class: 'amount' }, formatMinor(sum, p.currency)),
        sum === Number(p.amount) ? ' — the payout\'s amount.' : ` — the payout's amount is ${formatMinor(p.amount, p.currency)}.`)
      : el('p', { class: 'muted' }, p.automatic
        ? 'No balance transactions are itemized for this payout.'
        : 'Manual payouts are not itemized: they pay from the available balance. The payout\'s own entry is its balance transaction above.');
    items.replaceChildren(...[
      table({
        caption: 'What this payout paid',
        empty: 'None.',
        rows: shown,
        columns: [
          { label: 'ID', render: (t) => el('code', {}, t.id) },
          { label: 'Type', render: (t) => t.type },
          { label: 'Source', render: (t) => idLink(t.source) },
          { label: 'Amount', render: (t) => formatMinor(t.amount, t.currency), numeric: true },
          { label: 'Fee', render: (t) => formatMinor(t.fee, t.currency), numeric: true },
          { label: 'Net', render: (t) => formatMinor(t.net, t.currency), numeric: true },
          { label: 'Available on', render: (t) => timeEl(t.available_on) },
        ],
      }),
      itemRows.length > ITEMS_PAGE_SIZE
        ? pager({
          offset: itemsOffset, limit: ITEMS_PAGE_SIZE, total: itemRows.length, count: shown.length,
          onChange: (o) => {
            itemsOffset = o;
            renderItems();
          },
        })
        : null,
      note].filter(Boolean));
  }

  /** Every item (pages of 100): the sum needs them all. */
  async function loadItems() {
    const all = [];
    for (let offset = 0; offset < 100000; offset += 100) {
      const page = await api.get('/v1/balance_transactions', { query: { payout: id, limit: 100, offset }, signal: ctx.signal });
      const got = page.items || [];
      all.push(...got);
      if (got.length < 100 || all.length >= (page.total_items ?? all.length)) break;
    }
    itemRows = all;
  }

  async function cancel() {
    const done = await confirmCancel(ctx, payout);
    if (!done) return;
    payout = done;
    showStatus(`Payout ${id} canceled`);
    render();
  }

  payout = await api.get(payoutPath(id), { signal: ctx.signal });
  render();
  await loadItems();
  renderItems();
  if (!FINAL.has(payout.status)) {
    // The bank answers within seconds: follow the payout until it is paid, failed or canceled.
    ctx.poll(async () => {
      const now = await api.get(payoutPath(id), { signal: ctx.signal });
      if (now.status !== payout.status || now.updated_at !== payout.updated_at) {
        payout = now;
        render();
      }
      return FINAL.has(payout.status);
    }, { interval: 2000, duration: 180000 });
  }
}
