// The event log (events-service): the Events pages, and the two pieces every detail page reuses —
// an object's timeline (GET /v1/events?object_id=…) and an event's payload + deliveries panel.
import * as api from '../api.js';
import { can } from '../state.js';
import {
  el, uid, button, busy, badge, table, kvList, pager, field, pageHeader, section, timeEl,
  copyButton, showStatus, reportError, isQuiet,
} from '../ui.js';
import { idLink, objectHref } from '../links.js';

// For the Type filter's suggestions (the list accepts exact types, prefixes such as payment.* and *).
const EVENT_TYPES = [
  'balance.available', 'charge.dispute.closed', 'charge.dispute.created', 'charge.dispute.funds_reinstated',
  'charge.dispute.funds_withdrawn', 'charge.dispute.updated', 'checkout.session.completed', 'checkout.session.created', 'checkout.session.expired',
  'checkout.subscription_requested', 'customer.created', 'invoice.charge_requested', 'invoice.created',
  'invoice.paid', 'invoice.payment_failed', 'payment.canceled', 'payment.created', 'payment.failed',
  'payment.refunded', 'payment.succeeded', 'payment_intent.canceled', 'payment_intent.created',
  'payment_intent.payment_failed', 'payment_intent.requires_action', 'payment_intent.succeeded',
  'payment_link.created', 'payment_link.updated', 'payout.canceled', 'payout.created', 'payout.failed',
  'payout.paid', 'payout.updated', 'plan.created', 'processor.dispute_opened', 'product.created', 'refund.created',
  'refund.failed', 'refund.succeeded', 'refund.updated', 'subscription.activated', 'subscription.canceled',
  'subscription.created', 'subscription.past_due', 'subscription.renewed', 'webhook.test',
  'webhook_endpoint.disabled',
];
const TYPE_PREFIXES = ['*', ...new Set(EVENT_TYPES.map((t) => `${t.slice(0, t.lastIndexOf('.'))}.*`))];

const PAGE_SIZE = 20;

function pretty(data) {
  try {
    return JSON.stringify(data, null, 2);
  } catch {
    return String(data);
  }
}

/**
 * The payload (pretty JSON in a region labelled "Payload", with Copy) and the event's deliveries
 * with Resend. `event` may come from a list (no deliveries): they are fetched here.
 */
export function eventPanel(ctx, event, { headingLevel = 'h3' } = {}) {
  const pre = el('pre', { class: 'payload', tabindex: '0' }, pretty(event.data));
  const payload = el('section', { class: 'payload-region', role: 'region', 'aria-label': 'Payload' },
    el('div', { class: 'toolbar' }, el('span', { class: 'toolbar-title' }, 'Payload'), copyButton(() => pre.textContent)),
    pre);

  const headingId = uid('h');
  const tableSlot = el('div', {}, el('p', { class: 'muted' }, 'Loading deliveries…'));
  const resend = can.write()
    ? button('Resend', () => busy(resend, async () => {
      const deliveries = await api.post(`/v1/events/${encodeURIComponent(event.id)}/resend`, {}, { signal: ctx.signal });
      const n = Array.isArray(deliveries) ? deliveries.length : 0;
      showStatus(n === 0
        ? `No enabled endpoint listens for ${event.type}.`
        : `Resent to ${n} endpoint${n === 1 ? '' : 's'}.`);
      await loadDeliveries();
      // The attempts happen in the background: show their outcome as it comes.
      ctx.poll(loadDeliveries, { interval: 2000, duration: 10000 });
    }))
    : null;
  const deliveries = el('section', { class: 'deliveries', 'aria-labelledby': headingId },
    el('div', { class: 'toolbar' }, el(headingLevel, { id: headingId }, 'Deliveries'), resend),
    tableSlot);

  async function loadDeliveries() {
    try {
      const full = await api.get(`/v1/events/${encodeURIComponent(event.id)}`, { signal: ctx.signal });
      tableSlot.replaceChildren(deliveriesTable(full.deliveries || []));
    } catch (e) {
      if (isQuiet(e)) return;
      tableSlot.replaceChildren(el('p', { class: 'muted' }, `Deliveries could not be loaded: ${e.message}`));
    }
  }

  if (Array.isArray(event.deliveries)) tableSlot.replaceChildren(deliveriesTable(event.deliveries));
  else loadDeliveries();
  return el('div', { class: 'event-panel' }, payload, deliveries);
}

function deliveriesTable(rows) {
  return table({
    caption: 'Deliveries to webhook endpoints',
    empty: 'No deliveries: no endpoint listened for this event.',
    rows,
    columns: [
      { label: 'Endpoint', render: (d) => idLink(d.endpoint_id) },
      { label: 'Status', render: (d) => badge(d.status) },
      { label: 'Attempts', render: (d) => String(d.attempts), numeric: true },
      { label: 'Last HTTP status', render: (d) => (d.last_http_status == null ? '—' : String(d.last_http_status)) },
      { label: 'Last error', render: (d) => d.last_error },
      { label: 'Last attempt', render: (d) => timeEl(d.last_attempt_at) },
      { label: 'Next attempt', render: (d) => timeEl(d.next_attempt_at) },
    ],
  });
}

/**
 * An object's events, oldest first, as <ol aria-label="Timeline">. refresh() adds the events that
 * appeared since (existing entries, and an open payload, stay as they are).
 */
export function timeline(ctx, objectId) {
  const list = el('ol', { class: 'timeline', 'aria-label': 'Timeline' });
  const empty = el('p', { class: 'muted' }, 'No events yet.');
  const node = section('Timeline', empty, list);
  const rendered = new Map(); // event id → <li>
  let seenTypes = new Set();

  async function refresh() {
    const page = await api.get('/v1/events', { query: { object_id: objectId, limit: 100 }, signal: ctx.signal });
    // The API lists newest first (created_at, then id): its reverse is the story in order.
    const events = [...(page.items || [])].reverse();
    events.forEach((event, i) => {
      if (rendered.has(event.id)) return;
      const item = timelineItem(ctx, event);
      rendered.set(event.id, item);
      const next = events.slice(i + 1).find((e) => rendered.has(e.id) && rendered.get(e.id).isConnected);
      list.insertBefore(item, next ? rendered.get(next.id) : null);
    });
    empty.hidden = rendered.size > 0;
    seenTypes = new Set(events.map((e) => e.type));
  }

  return { node, refresh, has: (type) => seenTypes.has(type) };
}

function timelineItem(ctx, event) {
  const panelId = uid('panel');
  const panel = el('div', { id: panelId, class: 'timeline-panel', hidden: true });
  const toggle = button('View payload', () => {
    if (!panel.firstChild) panel.append(eventPanel(ctx, event));
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
  }, { attrs: { 'aria-expanded': 'false', 'aria-controls': panelId } });
  return el('li', { class: 'timeline-item' },
    el('div', { class: 'timeline-head' },
      el('span', { class: 'event-type' }, event.type),
      timeEl(event.created_at),
      el('a', { href: `#/events/${encodeURIComponent(event.id)}`, class: 'id muted-link' }, event.id),
      toggle),
    panel);
}

/** The timeline section for a detail page, loaded now; returns it for later refreshes. */
export function mountTimeline(ctx, root, objectId) {
  const tl = timeline(ctx, objectId);
  root.append(tl.node);
  tl.refresh().catch(reportError);
  return tl;
}

// ---------------------------------------------------------------------------------------------
// #/events

export async function list(ctx) {
  pageHeader(ctx.root, 'Events');
  const type = ctx.query.get('type') || '';
  const objectId = ctx.query.get('object_id') || '';
  const offset = Math.max(0, parseInt(ctx.query.get('offset'), 10) || 0);

  const listId = uid('types');
  const typeField = field({
    label: 'Type', value: type, hint: 'An event type, a prefix such as payment.*, or * for all.',
    attrs: { list: listId, autocomplete: 'off', spellcheck: 'false' },
  });
  const objectField = field({ label: 'Object ID', value: objectId, attrs: { autocomplete: 'off', spellcheck: 'false' } });
  const form = el('form', { class: 'filters', novalidate: true },
    typeField, objectField,
    el('datalist', { id: listId }, [...TYPE_PREFIXES, ...EVENT_TYPES].map((t) => el('option', { value: t }))),
    el('div', { class: 'filter-buttons' }, el('button', { type: 'submit', class: 'btn btn-primary' }, 'Apply')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.navigate(ctx.href('/events', { type: typeField.control.value.trim(), object_id: objectField.control.value.trim() }));
  });
  ctx.root.append(el('section', { class: 'card', 'aria-label': 'Filters' }, form));

  const results = el('section', { class: 'card', 'aria-label': 'Results' }, el('p', { class: 'muted' }, 'Loading…'));
  ctx.root.append(results);
  const page = await api.get('/v1/events', { query: { type, object_id: objectId, limit: PAGE_SIZE, offset }, signal: ctx.signal });
  results.replaceChildren(
    table({
      caption: 'Events, newest first',
      empty: 'No events match.',
      rows: page.items || [],
      columns: [
        { label: 'Event', render: (ev) => idLink(ev.id) },
        { label: 'Type', render: (ev) => el('span', { class: 'event-type' }, ev.type) },
        { label: 'Object', render: (ev) => idLink(ev.subject) },
        { label: 'Time', render: (ev) => timeEl(ev.created_at) },
      ],
    }),
    pager({
      offset, limit: PAGE_SIZE, total: page.total_items ?? 0, count: (page.items || []).length,
      onChange: (o) => ctx.navigate(ctx.href('/events', { type, object_id: objectId, offset: o || '' })),
    }));
}

// #/events/{id}
export async function detail(ctx) {
  const id = ctx.params.id;
  pageHeader(ctx.root, 'Event', { subtitle: el('code', {}, id) });
  const event = await api.get(`/v1/events/${encodeURIComponent(id)}`, { signal: ctx.signal });
  const subjectHref = objectHref(event.subject);
  ctx.root.append(
    section('Details', kvList([
      ['ID', el('code', {}, event.id)],
      ['Type', el('span', { class: 'event-type' }, event.type)],
      ['Object', subjectHref ? el('a', { href: subjectHref }, event.subject) : event.subject],
      ['Sequence', event.sequence == null ? null : String(event.sequence)],
      ['Source', event.source],
      ['Request ID', event.request_id],
      ['Mode', event.livemode ? 'Live' : 'Test'],
      ['Created', timeEl(event.created_at)],
    ])),
    el('section', { class: 'card', 'aria-label': 'Event data' }, eventPanel(ctx, event, { headingLevel: 'h2' })),
  );
}
