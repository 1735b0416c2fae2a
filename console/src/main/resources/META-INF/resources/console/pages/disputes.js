// Disputes (payments-service, docs/disputes.md): the list with its deadlines, and a dispute's
// detail with the money it moved, the evidence form (save, then submit, with a confirmation) and
// Accept. Viewers read; only roles that may write see the form's buttons.
import * as api from '../api.js';
import { can } from '../state.js';
import {
  el, button, busy, badge, table, kvList, pager, field, pageHeader, section, timeEl, openDialog,
  formatMinor, showStatus, reportError,
} from '../ui.js';
import { idLink } from '../links.js';
import { mountTimeline } from './events.js';

const PAGE_SIZE = 20;
export const DISPUTE_STATUSES = [
  'warning_needs_response', 'warning_under_review', 'warning_closed',
  'needs_response', 'under_review', 'won', 'lost',
];
const AWAITING = new Set(['warning_needs_response', 'needs_response']);

// The documented evidence fields, in the form's order.
const EVIDENCE = [
  { key: 'customer_name', label: 'Customer name', max: 500 },
  { key: 'customer_email_address', label: 'Customer email', max: 254, type: 'email' },
  { key: 'product_description', label: 'Product description', max: 20000, type: 'textarea' },
  { key: 'shipping_carrier', label: 'Shipping carrier', max: 500 },
  { key: 'shipping_tracking_number', label: 'Tracking number', max: 500 },
  { key: 'refund_policy', label: 'Refund policy', max: 20000, type: 'textarea' },
  { key: 'uncategorized_text', label: 'Other evidence', max: 20000, type: 'textarea' },
];

/** "Respond by" with how it stands: overdue, or the time left in days. */
function deadline(d) {
  if (!AWAITING.has(d.status)) return timeEl(d.evidence_details?.due_by);
  const due = Date.parse(d.evidence_details?.due_by);
  const late = d.evidence_details?.past_due || (Number.isFinite(due) && due <= Date.now());
  const days = Number.isFinite(due) ? Math.max(0, Math.ceil((due - Date.now()) / 86400000)) : null;
  return el('span', {}, timeEl(d.evidence_details?.due_by), ' ',
    el('span', { class: late ? 'badge badge-bad' : 'badge badge-warn' },
      late ? 'past due' : `${days} day${days === 1 ? '' : 's'} left`));
}

// #/disputes?status=&offset=
export async function list(ctx) {
  pageHeader(ctx.root, 'Disputes');
  const q = ctx.query;
  const status = DISPUTE_STATUSES.includes(q.get('status')) ? q.get('status') : '';
  const offset = Math.max(0, parseInt(q.get('offset'), 10) || 0);
  const statusField = field({ label: 'Status', value: status, options: [{ value: '', label: 'any' }, ...DISPUTE_STATUSES] });
  const form = el('form', { class: 'filters', novalidate: true }, statusField,
    el('div', { class: 'filter-buttons' },
      el('button', { type: 'submit', class: 'btn btn-primary' }, 'Apply'),
      el('a', { href: '#/disputes', class: 'btn btn-link' }, 'Clear filters')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.navigate(ctx.href('/disputes', { status: statusField.control.value }));
  });
  ctx.root.append(el('section', { class: 'card', 'aria-label': 'Filters' }, form));

  const results = el('section', { class: 'card', 'aria-label': 'Results' }, el('p', { class: 'muted' }, 'Loading…'));
  ctx.root.append(results);
  const page = await api.get('/v1/disputes', { query: { limit: PAGE_SIZE, offset, status }, signal: ctx.signal });
  const rows = page.items || [];
  results.replaceChildren(
    table({
      caption: 'Disputes, newest first',
      empty: 'No disputes.',
      rows,
      columns: [
        { label: 'ID', render: (d) => idLink(d.id) },
        { label: 'Amount', render: (d) => formatMinor(d.amount, d.currency), numeric: true },
        { label: 'Status', render: (d) => badge(d.status) },
        { label: 'Reason', render: (d) => d.reason },
        { label: 'Respond by', render: (d) => deadline(d) },
        { label: 'Payment', render: (d) => idLink(d.payment_id) },
        { label: 'Opened', render: (d) => timeEl(d.created_at) },
      ],
    }),
    pager({
      offset, limit: PAGE_SIZE, total: page.total_items ?? rows.length, count: rows.length,
      onChange: (o) => ctx.navigate(ctx.href('/disputes', { status, offset: o || '' })),
    }));
}

// #/disputes/{id}
export async function detail(ctx) {
  const id = ctx.params.id;
  const acceptButton = can.write()
    ? button('Accept dispute', () => accept(), { kind: 'secondary', attrs: { hidden: true } })
    : null;
  pageHeader(ctx.root, 'Dispute', { subtitle: el('code', {}, id), actions: acceptButton });
  const summary = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  const money = el('div');
  const evidence = el('div');
  ctx.root.append(section('Summary', summary), section('Money', money), section('Evidence', evidence));
  // Its events (charge.dispute.*), with their payloads and webhook deliveries.
  const tl = mountTimeline(ctx, ctx.root, id);

  let dispute = null;

  function render() {
    const d = dispute;
    summary.replaceChildren(kvList([
      ['Amount', el('strong', { class: 'amount' }, formatMinor(d.amount, d.currency))],
      ['Status', badge(d.status)],
      ['Reason', d.reason],
      ['Kind', d.is_inquiry ? 'Inquiry (no money moves)' : 'Chargeback'],
      ['Payment', idLink(d.payment_id)],
      ['Respond by', deadline(d)],
      ['Submissions', String(d.evidence_details?.submission_count ?? 0)],
      ['Network reason code', d.network_reason_code],
      ['Opened', timeEl(d.created_at)],
      ['Updated', timeEl(d.updated_at)],
    ]));
    const moved = d.balance_transactions || [];
    money.replaceChildren(table({
      caption: 'Balance transactions of this dispute',
      empty: d.is_inquiry ? 'An inquiry moves no money.' : 'Nothing moved.',
      rows: moved,
      columns: [
        { label: 'Type', render: (t) => t.type },
        { label: 'Amount', render: (t) => formatMinor(t.amount, t.currency), numeric: true },
        { label: 'Fee', render: (t) => formatMinor(t.fee, t.currency), numeric: true },
        { label: 'Net', render: (t) => formatMinor(t.net, t.currency), numeric: true },
        { label: 'Created', render: (t) => timeEl(t.created) },
      ],
    }));
    const editable = can.write() && AWAITING.has(d.status) && !d.evidence_details?.past_due;
    if (acceptButton) acceptButton.hidden = !editable;
    evidence.replaceChildren(editable ? evidenceForm(d) : evidenceView(d));
  }

  function evidenceView(d) {
    const note = AWAITING.has(d.status)
      ? (can.write() ? 'The deadline has passed: the evidence can no longer be changed.' : 'Only team members who may make changes can answer a dispute.')
      : 'Submitted or closed: the evidence is read-only.';
    return el('div', {}, el('p', { class: 'muted' }, note),
      kvList(EVIDENCE.map((f) => [f.label, d.evidence?.[f.key] || null])));
  }

  function evidenceForm(d) {
    const fields = EVIDENCE.map((f) => field({
      label: f.label, type: f.type || 'text', value: d.evidence?.[f.key] ?? '',
      attrs: { maxlength: String(f.max), autocomplete: 'off' },
    }));
    const values = () => Object.fromEntries(EVIDENCE.map((f, i) => [f.key, fields[i].control.value]));
    const save = el('button', { type: 'submit', class: 'btn btn-secondary' }, 'Save evidence');
    const submit = button('Submit evidence', () => submitEvidence(values()), { kind: 'primary' });
    const form = el('form', { class: 'form', novalidate: true, 'aria-label': 'Evidence' },
      el('p', { class: 'muted' }, 'Save as often as you like; once submitted, the evidence goes to the card issuer and cannot be changed.'),
      fields,
      el('div', { class: 'form-buttons' }, save, submit));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      await busy(save, async () => {
        try {
          dispute = await api.post(`/v1/disputes/${encodeURIComponent(id)}`, { evidence: values() }, { signal: ctx.signal });
          showStatus('Evidence saved');
          render();
        } catch (err) {
          reportError(err);
        }
      });
    });
    return form;
  }

  async function submitEvidence(evidence) {
    const done = await openDialog({
      title: 'Submit evidence',
      description: `Submit the evidence for dispute ${id}? It goes to the card issuer and cannot be changed afterwards.`,
      confirmText: 'Submit evidence',
      onConfirm: () => api.post(`/v1/disputes/${encodeURIComponent(id)}`, { evidence, submit: true }, { signal: ctx.signal }),
    });
    if (!done) return;
    dispute = done;
    showStatus('Evidence submitted');
    render();
    tl.refresh().catch(() => {});
  }

  async function accept() {
    const done = await openDialog({
      title: 'Accept dispute',
      description: dispute?.is_inquiry
        ? `Close inquiry ${id} without answering it?`
        : `Accept dispute ${id}? You lose ${formatMinor(dispute.amount, dispute.currency)} and the dispute fee; this cannot be undone.`,
      confirmText: 'Accept dispute',
      danger: true,
      onConfirm: () => api.post(`/v1/disputes/${encodeURIComponent(id)}/close`, {}, { signal: ctx.signal }),
    });
    if (!done) return;
    dispute = done;
    showStatus(dispute.is_inquiry ? 'Inquiry closed' : 'Dispute accepted');
    render();
    tl.refresh().catch(() => {});
  }

  dispute = await api.get(`/v1/disputes/${encodeURIComponent(id)}`, { signal: ctx.signal });
  render();
}
