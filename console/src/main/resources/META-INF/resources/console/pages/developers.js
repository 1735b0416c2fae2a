// Developers: API keys (the edge's /console/api/keys, owners only for changes) and webhook
// endpoints (events-service /v1/webhook_endpoints), with an endpoint's own page and delivery log.
// Secrets (a rolled key, an endpoint's signing secret) are shown once and never stored here.
import * as api from '../api.js';
import { can, currentMode, state } from '../state.js';
import {
  el, button, busy, badge, table, kvList, pager, field, pageHeader, section, timeEl, openDialog,
  secretOnce, splitList, onValidSubmit, formatTime, showStatus, showError, reportError, isQuiet,
  replaceKeepingFocus,
} from '../ui.js';
import { idLink } from '../links.js';

// #/developers
export async function render(ctx) {
  pageHeader(ctx.root, 'Developers');
  gatewayAccountSection(ctx);
  await Promise.all([keysSection(ctx), endpointsSection(ctx)]);
}

// The live gateway account: read-only here; operators attach it (docs/connectors.md).
function gatewayAccountSection(ctx) {
  const account = state.session?.merchant?.gateway_account_id;
  ctx.root.append(section('Live gateway account',
    account
      ? kvList([['Gateway account', el('code', { id: 'gateway-account' }, account)]])
      : el('p', { class: 'muted', id: 'gateway-account' },
        'No gateway account is attached: live charges are refused (live_mode_unavailable). Ask your platform operator to attach one.')));
}

// ---------------------------------------------------------------------------------------------
// API keys

async function keysSection(ctx) {
  const mode = currentMode();
  const secretSlot = el('div', { class: 'secret-slot' });
  const tableSlot = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  ctx.root.append(section('API keys',
    el('p', { class: 'muted' }, `Secret keys of ${mode} mode. Only the first and last characters are shown.`),
    secretSlot, tableSlot));

  async function load() {
    let answer;
    try {
      answer = await api.get('/console/api/keys', { signal: ctx.signal });
    } catch (e) {
      if (!isQuiet(e) && e.status === 403) {
        tableSlot.replaceChildren(el('p', { class: 'muted' }, e.message));
        return;
      }
      throw e;
    }
    const keys = answer?.data || [];
    const columns = [
      { label: 'Key', render: (k) => el('code', {}, `${k.prefix}…${k.last4}`) },
      { label: 'Mode', render: (k) => (k.mode === 'live' ? 'Live' : 'Test') },
      { label: 'Status', render: (k) => badge(k.status) },
      { label: 'Created', render: (k) => timeEl(k.created_at) },
      { label: 'Expires', render: (k) => timeEl(k.expires_at) },
      { label: 'Revoked', render: (k) => timeEl(k.revoked_at) },
    ];
    if (can.manageKeys()) columns.push({ label: 'Actions', render: (k) => keyActions(k) });
    tableSlot.replaceChildren(table({ caption: `Keys (${mode} mode)`, empty: 'No keys in this mode.', rows: keys, columns }));
  }

  function keyActions(key) {
    if (key.revoked_at || key.status === 'revoked') return null;
    const label = `${key.prefix}…${key.last4}`;
    const roll = button('Roll', async () => {
      const grace = field({
        label: 'Grace period (hours)', type: 'number', value: 24, required: true,
        hint: 'How long the current key keeps working beside the new one; 0 stops it now.',
        attrs: { min: '0', max: '720', step: '1' },
      });
      const rolled = await openDialog({
        title: 'Roll this key?',
        description: `A new secret key replaces ${label}.`,
        fields: [grace],
        confirmText: 'Roll key',
        onConfirm: () => api.post(`/console/api/keys/${encodeURIComponent(key.id)}/roll`,
          { grace_period_hours: Number(grace.control.value) }, { signal: ctx.signal }),
      });
      if (!rolled) return;
      const previous = rolled.previous;
      secretSlot.replaceChildren(secretOnce({
        label: 'New secret key',
        value: rolled.secret_key,
        note: 'This key is shown only once. Copy it now and store it somewhere safe.',
        extra: previous && previous.expires_at
          ? el('p', { class: 'muted' }, `The previous key ${previous.prefix ?? ''}…${previous.last4 ?? ''} keeps working until ${formatTime(previous.expires_at)}.`)
          : null,
      }));
      showStatus('Key rolled.');
      await load().catch(reportError);
      secretSlot.querySelector('button')?.focus();
    });
    const revoke = button('Revoke', async () => {
      const done = await openDialog({
        title: 'Revoke this key?',
        description: `Requests made with ${label} will fail from now on. This cannot be undone.`,
        confirmText: 'Revoke key',
        danger: true,
        onConfirm: () => api.post(`/console/api/keys/${encodeURIComponent(key.id)}/revoke`, {}, { signal: ctx.signal }),
      });
      if (!done) return;
      showStatus('Key revoked.');
      await load().catch(reportError);
    }, { kind: 'danger' });
    return el('div', { class: 'row-actions' }, roll, revoke);
  }

  await load();
}

// ---------------------------------------------------------------------------------------------
// Webhook endpoints: list and create

function endpointFields(values = {}) {
  return {
    url: field({ label: 'URL', type: 'url', value: values.url, required: true, attrs: { placeholder: 'https://example.com/webhooks', autocomplete: 'off', spellcheck: 'false' } }),
    description: field({ label: 'Description', value: values.description, attrs: { maxlength: '500', autocomplete: 'off' } }),
    events: field({
      label: 'Events', value: (values.enabled_events || ['*']).join(', '), required: true,
      hint: 'Comma-separated event types (payment.succeeded), prefixes (payment.*) or * for all.',
      attrs: { autocomplete: 'off', spellcheck: 'false' },
    }),
  };
}

async function endpointsSection(ctx) {
  const secretSlot = el('div', { class: 'secret-slot' });
  const tableSlot = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  const formSlot = el('div', { class: 'form-slot', hidden: true });
  const add = can.write()
    ? button('Add endpoint', () => toggleForm(formSlot.hidden), { kind: 'primary', attrs: { 'aria-expanded': 'false' } })
    : null;
  ctx.root.append(section('Webhook endpoints',
    el('p', { class: 'muted' }, 'Where the platform POSTs your events, signed with each endpoint\u2019s secret.'),
    add ? el('div', { class: 'toolbar' }, add) : null,
    formSlot, secretSlot, tableSlot));

  function toggleForm(open) {
    formSlot.hidden = !open;
    add.setAttribute('aria-expanded', String(open));
    if (open) {
      formSlot.replaceChildren(createEndpointForm());
      formSlot.querySelector('input').focus();
    } else {
      formSlot.replaceChildren();
      add.focus();
    }
  }

  function createEndpointForm() {
    const f = endpointFields();
    const submit = el('button', { type: 'submit', class: 'btn btn-primary' }, 'Create endpoint');
    const form = el('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Add endpoint' },
      f.url, f.description, f.events,
      el('div', { class: 'form-buttons' }, submit, button('Cancel', () => toggleForm(false))));
    onValidSubmit(form, submit, async () => {
      const created = await api.post('/v1/webhook_endpoints', {
        url: f.url.control.value.trim(),
        description: f.description.control.value.trim() || undefined,
        enabled_events: splitList(f.events.control.value),
      }, { signal: ctx.signal });
      toggleForm(false);
      secretSlot.replaceChildren(secretOnce({
        label: 'Signing secret',
        value: created.secret,
        note: 'This secret is shown only once. Use it to verify the webhook-signature header.',
        extra: el('p', {}, 'Endpoint ', idLink(created.id), ' created for ', created.url, '.'),
      }));
      showStatus('Endpoint created: ', idLink(created.id));
      await load().catch(reportError);
      secretSlot.querySelector('button')?.focus();
    });
    return form;
  }

  async function load() {
    const page = await api.get('/v1/webhook_endpoints', { query: { limit: 100 }, signal: ctx.signal });
    tableSlot.replaceChildren(table({
      caption: `Endpoints (${currentMode()} mode)`,
      empty: 'No webhook endpoints yet.',
      rows: page.items || [],
      columns: [
        { label: 'URL', render: (e) => el('a', { href: `#/developers/webhooks/${encodeURIComponent(e.id)}` }, e.url) },
        { label: 'Description', render: (e) => e.description },
        { label: 'Events', render: (e) => (e.enabled_events || []).join(', ') },
        { label: 'Status', render: (e) => badge(e.status) },
        { label: 'Created', render: (e) => timeEl(e.created_at) },
      ],
    }));
  }

  await load();
}

// ---------------------------------------------------------------------------------------------
// #/developers/webhooks/{id}

const LOG_SIZE = 25;

export async function webhookDetail(ctx) {
  const id = ctx.params.id;
  const path = `/v1/webhook_endpoints/${encodeURIComponent(id)}`;
  const actions = el('div', { class: 'actions' });
  pageHeader(ctx.root, 'Webhook endpoint', { subtitle: el('code', {}, id), actions });
  const details = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  const editSlot = el('div', { class: 'form-slot', hidden: true });
  const secretSlot = el('div', { class: 'secret-slot' });
  ctx.root.append(el('p', {}, el('a', { href: '#/developers' }, '← Developers')), section('Details', secretSlot, editSlot, details));

  let endpoint = null;

  async function load() {
    endpoint = await api.get(path, { signal: ctx.signal });
    details.replaceChildren(kvList([
      ['URL', endpoint.url],
      ['Description', endpoint.description],
      ['Events', (endpoint.enabled_events || []).join(', ')],
      ['Status', badge(endpoint.status)],
      ['Disabled reason', endpoint.disabled_reason],
      ['Mode', endpoint.livemode ? 'Live' : 'Test'],
      ['Previous secret expires', timeEl(endpoint.previous_secret_expires_at)],
      ['Created', timeEl(endpoint.created_at)],
      ['Updated', timeEl(endpoint.updated_at)],
    ]));
    replaceKeepingFocus(actions, ...(can.write() ? endpointActions() : []));
  }

  function endpointActions() {
    const disabled = endpoint.status === 'disabled';
    const edit = button('Edit', () => openEdit(edit), { attrs: { 'aria-expanded': String(!editSlot.hidden) } });
    const toggle = button(disabled ? 'Enable' : 'Disable', () => busy(toggle, async () => {
      await api.patch(path, { disabled: !disabled }, { signal: ctx.signal });
      showStatus(disabled ? 'Endpoint enabled.' : 'Endpoint disabled.');
      await load();
    }));
    const rotate = button('Rotate secret', () => busy(rotate, async () => {
      const rotated = await api.post(`${path}/rotate_secret`, {}, { signal: ctx.signal });
      secretSlot.replaceChildren(secretOnce({
        label: 'Signing secret',
        value: rotated.secret,
        note: 'This secret is shown only once.',
        extra: rotated.previous_secret_expires_at
          ? el('p', { class: 'muted' }, `The previous secret keeps signing until ${formatTime(rotated.previous_secret_expires_at)}.`)
          : null,
      }));
      showStatus('Secret rotated.');
      await load();
      secretSlot.querySelector('button')?.focus();
    }));
    const test = button('Send test event', () => busy(test, async () => {
      await api.post(`${path}/test`, {}, { signal: ctx.signal });
      showStatus('Test event sent.');
      await log.refresh();
      ctx.poll(() => log.refresh(), { interval: 2000, duration: 12000 });
    }));
    const remove = button('Delete', async () => {
      const done = await openDialog({
        title: 'Delete this endpoint?',
        description: `${endpoint.url} will receive no more events; its delivery log is deleted too.`,
        confirmText: 'Delete endpoint',
        danger: true,
        onConfirm: () => api.del(path, { signal: ctx.signal }),
      });
      if (done) ctx.navigate('#/developers', { flash: 'Endpoint deleted.' });
    }, { kind: 'danger' });
    return [edit, toggle, rotate, test, remove];
  }

  function openEdit(opener) {
    if (!editSlot.hidden) {
      closeEdit();
      return;
    }
    const f = endpointFields(endpoint);
    const save = el('button', { type: 'submit', class: 'btn btn-primary' }, 'Save');
    const form = el('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Edit endpoint' },
      f.url, f.description, f.events,
      el('div', { class: 'form-buttons' }, save, button('Cancel', () => closeEdit())));
    onValidSubmit(form, save, async () => {
      await api.patch(path, {
        url: f.url.control.value.trim(),
        description: f.description.control.value.trim(), // "" clears it
        enabled_events: splitList(f.events.control.value),
      }, { signal: ctx.signal });
      showStatus('Endpoint saved.');
      closeEdit();
      await load();
    });
    editSlot.replaceChildren(form);
    editSlot.hidden = false;
    opener.setAttribute('aria-expanded', 'true');
    f.url.control.focus();
  }

  function closeEdit() {
    editSlot.hidden = true;
    editSlot.replaceChildren();
    const edit = [...actions.querySelectorAll('button')].find((b) => b.textContent === 'Edit');
    if (edit) {
      edit.setAttribute('aria-expanded', 'false');
      edit.focus();
    }
  }

  const log = deliveryLog(ctx, path);
  ctx.root.append(log.node);
  await Promise.all([load(), log.refresh()]);
}

/** Every attempt to the endpoint, newest first, with Refresh and paging. */
function deliveryLog(ctx, path) {
  let offset = Math.max(0, parseInt(ctx.query.get('offset'), 10) || 0);
  const slot = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  const refreshButton = button('Refresh', () => busy(refreshButton, refresh));
  const node = section('Delivery log', el('div', { class: 'toolbar' }, refreshButton), slot);

  async function refresh() {
    let page;
    try {
      page = await api.get(`${path}/deliveries`, { query: { limit: LOG_SIZE, offset }, signal: ctx.signal });
    } catch (e) {
      if (isQuiet(e)) return;
      throw e;
    }
    const rows = page.items || [];
    replaceKeepingFocus(slot,
      table({
        caption: 'Delivery attempts, newest first',
        empty: 'No deliveries yet.',
        rows,
        columns: [
          { label: 'Time', render: (a) => timeEl(a.attempted_at) },
          { label: 'Event', render: (a) => idLink(a.event_id) },
          { label: 'Event type', render: (a) => el('span', { class: 'event-type' }, a.event_type) },
          { label: 'HTTP status', render: (a) => (a.http_status == null ? '—' : String(a.http_status)) },
          { label: 'Latency', render: (a) => (a.latency_ms == null ? '—' : `${a.latency_ms} ms`), numeric: true },
          { label: 'Outcome', render: (a) => badge(a.outcome) },
          { label: 'Error', render: (a) => a.error },
          { label: 'Next retry', render: (a) => timeEl(a.next_retry_at) },
        ],
      }),
      pager({
        offset, limit: LOG_SIZE, total: page.total_items ?? rows.length, count: rows.length,
        onChange: (o) => {
          offset = o;
          refresh().catch(reportError);
        },
      }));
  }

  return { node, refresh };
}
