// Payments (payments-service): the list with filters and paging, and a payment's detail with its
// fees, refunds, timeline and the Refund dialog (billing-service's POST /v1/refunds).
import * as api from '../api.js';
import { can } from '../state.js';
import {
  el, button, busy, badge, table, kvList, pager, field, pageHeader, section, timeEl, openDialog,
  formatDecimal, formatMinor, minorToDecimal, decimalToMinor, showStatus, showError, reportError, isQuiet,
} from '../ui.js';
import { idLink, objectHref } from '../links.js';
import { mountTimeline } from './events.js';

const PAGE_SIZE = 20;
export const PAYMENT_STATUSES = ['pending', 'requires_action', 'completed', 'failed', 'canceled', 'partially_refunded', 'refunded'];
const REFUNDABLE = new Set(['completed', 'partially_refunded']);
const REFUND_REASONS = ['requested_by_customer', 'duplicate', 'fraudulent'];

/** The payments table (also the Home page's "Latest payments"). */
export function paymentsTable(rows, caption) {
  return table({
    caption,
    empty: 'No payments yet.',
    rows,
    columns: [
      { label: 'ID', render: (p) => idLink(p.id) },
      { label: 'Amount', render: (p) => formatDecimal(p.amount, p.currency), numeric: true },
      { label: 'Status', render: (p) => badge(p.status) },
      { label: 'Description', render: (p) => p.description },
      { label: 'Customer email', render: (p) => p.customer_email },
      { label: 'Date', render: (p) => timeEl(p.created_at) },
    ],
  });
}

/** A date input's "2026-11-01" as the API's bound: start or end of that day, UTC. */
function dayBound(day, end) {
  return day ? `${day}T${end ? '23:59:59' : '00:00:00'}Z` : '';
}

// #/payments?status=&from=&to=&offset=
export async function list(ctx) {
  pageHeader(ctx.root, 'Payments');
  const q = ctx.query;
  const status = PAYMENT_STATUSES.includes(q.get('status')) ? q.get('status') : '';
  const from = /^\d{4}-\d{2}-\d{2}$/.test(q.get('from') || '') ? q.get('from') : '';
  const to = /^\d{4}-\d{2}-\d{2}$/.test(q.get('to') || '') ? q.get('to') : '';
  const offset = Math.max(0, parseInt(q.get('offset'), 10) || 0);

  const statusField = field({ label: 'Status', value: status, options: [{ value: '', label: 'any' }, ...PAYMENT_STATUSES] });
  const fromField = field({ label: 'From', type: 'date', value: from });
  const toField = field({ label: 'To', type: 'date', value: to });
  const searchField = field({ label: 'Search by id', value: '', attrs: { placeholder: 'pay_…', autocomplete: 'off', spellcheck: 'false' } });
  const form = el('form', { class: 'filters', novalidate: true },
    statusField, fromField, toField, searchField,
    el('div', { class: 'filter-buttons' },
      el('button', { type: 'submit', class: 'btn btn-primary' }, 'Apply'),
      el('a', { href: '#/payments', class: 'btn btn-link' }, 'Clear filters')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const search = searchField.control.value.trim();
    if (search) {
      // An id goes straight to its page (a pay_… id to the payment, any other known id to its own).
      const href = objectHref(search);
      if (href) ctx.navigate(href);
      else showError('Search by id takes an id such as pay_…');
      return;
    }
    const f = fromField.control.value;
    const t = toField.control.value;
    if (f && t && f > t) {
      showError('From must be on or before To.');
      return;
    }
    ctx.navigate(ctx.href('/payments', { status: statusField.control.value, from: f, to: t }));
  });
  ctx.root.append(el('section', { class: 'card', 'aria-label': 'Filters' }, form));

  const results = el('section', { class: 'card', 'aria-label': 'Results' }, el('p', { class: 'muted' }, 'Loading…'));
  ctx.root.append(results);
  const res = await api.request('GET', '/v1/payments', {
    query: {
      limit: PAGE_SIZE, offset, status,
      'created[gte]': dayBound(from, false), 'created[lte]': dayBound(to, true),
    },
    signal: ctx.signal,
  });
  const rows = Array.isArray(res.data) ? res.data : [];
  const header = Number(res.headers.get('X-Total-Count'));
  const total = Number.isFinite(header) && res.headers.get('X-Total-Count') !== null ? header : offset + rows.length;
  results.replaceChildren(
    paymentsTable(rows, 'Payments, newest first'),
    pager({
      offset, limit: PAGE_SIZE, total, count: rows.length,
      onChange: (o) => ctx.navigate(ctx.href('/payments', { status, from, to, offset: o || '' })),
    }));
}

// #/payments/{id}
export async function detail(ctx) {
  const id = ctx.params.id;
  const refundButton = can.write()
    ? button('Refund', () => openRefund(), { kind: 'primary', attrs: { hidden: true } })
    : null;
  pageHeader(ctx.root, 'Payment', { subtitle: el('code', {}, id), actions: refundButton });

  const summary = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  const money = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  const refunds = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  ctx.root.append(
    section('Summary', summary),
    section('Fees and net', money),
    section('Refunds', refunds));
  const tl = mountTimeline(ctx, ctx.root, id);

  let payment = null;
  let refunded = 0; // minor units refunded or being refunded (pending + succeeded refunds)
  let refundList = [];

  async function loadPayment() {
    payment = await api.get(`/v1/payments/${encodeURIComponent(id)}`, { signal: ctx.signal });
    summary.replaceChildren(kvList([
      ['Amount', el('strong', { class: 'amount' }, formatDecimal(payment.amount, payment.currency))],
      ['Currency', payment.currency],
      ['Status', badge(payment.status)],
      // A dispute is a flag beside the status (docs/disputes.md); its page has the deadline.
      ...(payment.disputed ? [['Dispute', idLink(payment.dispute_id)]] : []),
      ['Description', payment.description],
      ['Items', Array.isArray(payment.items) && payment.items.length ? payment.items.join(', ') : null],
      ['Customer email', payment.customer_email],
      ['Card brand', payment.card_brand],
      ['Card last 4', payment.card_last4 ? `•••• ${payment.card_last4}` : null],
      ['Payment method', payment.payment_method],
      // Live payments: what the card network answered (docs/connectors.md).
      ...(payment.network ? [
        ['Authorization code', payment.network.authorization_code],
        ['Retrieval reference number', payment.network.retrieval_reference_number],
        ['Network response code', payment.network.response_code],
      ] : []),
      ['Mode', payment.test ? 'Test' : 'Live'],
      ['Created', timeEl(payment.created_at)],
      ['Updated', timeEl(payment.updated_at)],
    ]));
    if (refundButton) refundButton.hidden = !REFUNDABLE.has(payment.status);
  }

  async function loadMoney() {
    const page = await api.get('/v1/balance_transactions', { query: { source: id, limit: 100 }, signal: ctx.signal });
    const items = page.items || [];
    const charge = items.find((t) => t.type === 'charge');
    const pairs = [];
    if (charge) {
      pairs.push(
        ['Gross', formatMinor(charge.amount, charge.currency)],
        ['Fee', formatMinor(charge.fee, charge.currency)],
        ['Net', formatMinor(charge.net, charge.currency)]);
      if (charge.exchange_rate != null) {
        pairs.push(
          ['Exchange rate', `${charge.exchange_rate}${charge.original_currency ? ` (${charge.original_currency} → ${charge.currency})` : ''}`],
          ['Original amount', charge.original_amount == null ? null : formatMinor(charge.original_amount, charge.original_currency)]);
      }
      pairs.push(['Balance', badge(charge.status)], ['Available on', timeEl(charge.available_on)]);
    }
    money.replaceChildren(
      charge ? kvList(pairs) : el('p', { class: 'muted' }, 'No fee or net yet: they are recorded when the payment completes.'),
      items.length ? table({
        caption: 'Balance transactions',
        rows: items,
        columns: [
          { label: 'Type', render: (t) => t.type },
          { label: 'Amount', render: (t) => formatMinor(t.amount, t.currency), numeric: true },
          { label: 'Fee', render: (t) => formatMinor(t.fee, t.currency), numeric: true },
          { label: 'Net', render: (t) => formatMinor(t.net, t.currency), numeric: true },
          { label: 'Status', render: (t) => badge(t.status) },
          { label: 'Available on', render: (t) => timeEl(t.available_on) },
        ],
      }) : null);
  }

  async function loadRefunds() {
    const page = await api.get('/v1/refunds', { query: { payment_id: id, limit: 100 }, signal: ctx.signal });
    const items = page.items || [];
    refundList = items;
    refunded = items.filter((r) => r.status !== 'failed').reduce((sum, r) => sum + Number(r.amount || 0), 0);
    refunds.replaceChildren(table({
      caption: 'Refunds of this payment',
      empty: 'No refunds.',
      rows: items,
      columns: [
        { label: 'ID', render: (r) => idLink(r.id) },
        { label: 'Amount', render: (r) => formatMinor(r.amount, r.currency), numeric: true },
        { label: 'Status', render: (r) => badge(r.status) },
        { label: 'Reason', render: (r) => r.reason },
        { label: 'Created', render: (r) => timeEl(r.created_at) },
      ],
    }));
  }

  // Each part shows its own failure without hiding the others; the payment's is the page's error.
  const quietly = (fn, target) => fn().catch((e) => {
    if (isQuiet(e)) return;
    if (target) target.replaceChildren(el('p', { class: 'muted' }, `Could not load: ${e.message}`));
    else throw e;
  });
  // The timeline comes from events-service, the rest from payments and billing: a slow event log
  // must not hold back the payment's new status, so the timeline refreshes on its own (one at a
  // time) and the others do not wait for it.
  let timelineLoading = null;
  const refreshTimeline = () => {
    timelineLoading ??= tl.refresh().catch(() => {}).finally(() => { timelineLoading = null; });
    return timelineLoading;
  };
  const reloadAll = () => {
    refreshTimeline();
    return Promise.all([loadPayment(), quietly(loadMoney, money), quietly(loadRefunds, refunds)]);
  };

  async function openRefund() {
    if (!payment) return;
    const currency = payment.currency;
    let remaining;
    try {
      remaining = decimalToMinor(payment.amount, currency) - refunded;
    } catch {
      remaining = 0;
    }
    const amountField = field({
      label: 'Amount', value: remaining > 0 ? minorToDecimal(remaining, currency) : payment.amount, required: true,
      hint: `In ${currency}; at most ${formatMinor(Math.max(remaining, 0), currency)} remains refundable.`,
      attrs: { inputmode: 'decimal', autocomplete: 'off' },
    });
    const reasonField = field({ label: 'Reason', options: REFUND_REASONS, value: 'requested_by_customer' });
    const created = await openDialog({
      title: 'Refund payment',
      description: `Refund ${formatDecimal(payment.amount, currency)} payment ${payment.id}, in full or in part.`,
      fields: [amountField, reasonField],
      confirmText: 'Confirm refund',
      onConfirm: async () => {
        const minor = decimalToMinor(amountField.control.value, currency);
        return api.post('/v1/refunds', { payment_id: payment.id, amount: minor, reason: reasonField.control.value }, { signal: ctx.signal });
      },
    });
    if (!created) return;
    showStatus('Refund created');
    await reloadAll().catch(reportError);
    // refund.created, then the refund's outcome and the payment's new status, arrive through
    // Kafka, usually within seconds but later under load: poll until all three show, so they
    // appear without a reload.
    const settled = () => {
      const refund = refundList.find((r) => r.id === created.id);
      if (!refund || refund.status === 'pending' || !tl.has('refund.created')) return false;
      return refund.status !== 'succeeded' || payment.status !== 'completed';
    };
    ctx.poll(async () => {
      await reloadAll();
      return settled();
    }, { interval: 2000, duration: 180000 });
  }

  await Promise.all([loadPayment(), quietly(loadMoney, money), quietly(loadRefunds, refunds)]);
}
