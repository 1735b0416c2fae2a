// Team → Activity (GET /v1/audit_events, owners only): who did what, when, from which address, and
// how it ended: refunds, key rolls, invites, webhook endpoint changes, sign-ins and the rest.
import * as api from '../api.js';
import { el, field, pageHeader, table, timeEl, pager, badge } from '../ui.js';

const PAGE_SIZE = 25;

// #/activity?action=&outcome=&offset=
export async function render(ctx) {
  pageHeader(ctx.root, 'Activity', { subtitle: 'Who did what in this account, newest first' });
  const action = ctx.query.get('action') || '';
  const outcome = ctx.query.get('outcome') || '';
  const offset = Number.parseInt(ctx.query.get('offset') || '0', 10) || 0;

  const actionField = field({
    label: 'Action', name: 'action', value: action,
    hint: 'A name such as refunds.create, or its start: refunds, console.sign_in, api_key.',
  });
  const outcomeField = field({
    label: 'Outcome', name: 'outcome', value: outcome,
    options: [{ value: '', label: 'Any' }, { value: 'success', label: 'Success' }, { value: 'failure', label: 'Failure' }],
  });
  const form = el('form', { class: 'filters', novalidate: true }, actionField, outcomeField,
    el('div', { class: 'filter-buttons' }, el('button', { type: 'submit', class: 'btn btn-primary' }, 'Apply')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate(ctx.href('/activity', { action: actionField.control.value.trim(), outcome: outcomeField.control.value }));
  });
  ctx.root.append(el('section', { class: 'card', 'aria-label': 'Filters' }, form));

  const results = el('section', { class: 'card', 'aria-label': 'Results' }, el('p', { class: 'muted' }, 'Loading…'));
  ctx.root.append(results);
  const page = await api.get('/v1/audit_events', {
    query: { action, outcome, limit: PAGE_SIZE, offset }, signal: ctx.signal,
  });
  results.replaceChildren(
    table({
      caption: 'Audit events, newest first',
      empty: 'No activity matches.',
      rows: page.items || [],
      columns: [
        { label: 'When', render: (e) => timeEl(e.created_at) },
        { label: 'Who', render: (e) => (e.actor?.type === 'user' ? e.actor.email : el('code', {}, e.actor?.id ?? '')) },
        { label: 'Action', render: (e) => el('code', { class: 'audit-action' }, e.action) },
        { label: 'Object', render: (e) => (e.object_id ? el('code', {}, e.object_id) : '—') },
        { label: 'Mode', render: (e) => (e.livemode == null ? '—' : e.livemode ? 'Live' : 'Test') },
        { label: 'Address', render: (e) => e.ip_address ?? '—' },
        { label: 'Outcome', render: (e) => [badge(e.outcome), ` ${e.status}`] },
      ],
    }),
    pager({
      offset, limit: PAGE_SIZE, total: page.total_items ?? 0, count: (page.items || []).length,
      onChange: (o) => ctx.navigate(ctx.href('/activity', { action, outcome, offset: o || '' })),
    }));
}
