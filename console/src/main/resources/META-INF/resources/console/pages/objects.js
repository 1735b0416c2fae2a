// Refunds, customers, products, plans, subscriptions and payment links (catalog- and
// billing-service): one list page and one detail page each, driven by the KINDS table below, with
// the create forms their APIs take. Lists are the envelope {items, total_items, limit, offset}.
import * as api from '../api.js';
import { can } from '../state.js';
import {
  el, button, busy, badge, table, kvList, pager, field, pageHeader, section, timeEl, openDialog,
  formatMinor, decimalToMinor, externalLink, onValidSubmit, showStatus, showError, reportError,
} from '../ui.js';
import { idLink } from '../links.js';
import { mountTimeline } from './events.js';

const PAGE_SIZE = 20;

const yesNo = (v) => (v ? 'Yes' : 'No');
const price = (o) => formatMinor(o.amount, o.currency);
const every = (o) => (o.interval_count > 1 ? `every ${o.interval_count} ${o.interval}s` : `per ${o.interval}`);

/** What each kind of object is called, where its API is, and which columns its list shows. */
const KINDS = {
  refunds: {
    title: 'Refunds', singular: 'Refund', api: '/v1/refunds',
    columns: [
      { label: 'ID', render: (r) => idLink(r.id) },
      { label: 'Amount', render: price, numeric: true },
      { label: 'Status', render: (r) => badge(r.status) },
      { label: 'Payment', render: (r) => idLink(r.payment_id) },
      { label: 'Reason', render: (r) => r.reason },
      { label: 'Created', render: (r) => timeEl(r.created_at) },
    ],
  },
  customers: {
    title: 'Customers', singular: 'Customer', api: '/v1/customers',
    columns: [
      { label: 'ID', render: (c) => idLink(c.id) },
      { label: 'Email', render: (c) => c.email },
      { label: 'Name', render: (c) => c.name },
      { label: 'Phone', render: (c) => c.phone },
      { label: 'Created', render: (c) => timeEl(c.created_at) },
    ],
    create: customerForm,
  },
  products: {
    title: 'Products', singular: 'Product', api: '/v1/products',
    columns: [
      { label: 'ID', render: (p) => idLink(p.id) },
      { label: 'Name', render: (p) => p.name },
      { label: 'Description', render: (p) => p.description },
      { label: 'Active', render: (p) => yesNo(p.active) },
      { label: 'Created', render: (p) => timeEl(p.created_at) },
    ],
    create: productForm,
  },
  plans: {
    title: 'Plans', singular: 'Plan', api: '/v1/plans',
    columns: [
      { label: 'ID', render: (p) => idLink(p.id) },
      { label: 'Nickname', render: (p) => p.nickname },
      { label: 'Product', render: (p) => idLink(p.product_id) },
      { label: 'Price', render: (p) => `${price(p)} ${every(p)}`, numeric: true },
      { label: 'Created', render: (p) => timeEl(p.created_at) },
    ],
    create: planForm,
  },
  subscriptions: {
    title: 'Subscriptions', singular: 'Subscription', api: '/v1/subscriptions',
    columns: [
      { label: 'ID', render: (s) => idLink(s.id) },
      { label: 'Status', render: (s) => badge(s.status) },
      { label: 'Customer', render: (s) => idLink(s.customer_id) },
      { label: 'Plan', render: (s) => idLink(s.plan_id) },
      { label: 'Price', render: (s) => `${price(s)} ${every(s)}`, numeric: true },
      { label: 'Current period end', render: (s) => timeEl(s.current_period_end) },
      { label: 'Created', render: (s) => timeEl(s.created_at) },
    ],
    create: subscriptionForm,
    actions: subscriptionActions,
  },
  'payment-links': {
    title: 'Payment links', singular: 'Payment link', api: '/v1/payment-links',
    // The documented list answer is {id, object, url, active} only: the rest is on the detail.
    columns: [
      { label: 'ID', render: (l) => idLink(l.id) },
      { label: 'URL', render: (l) => externalLink(l.url) },
      { label: 'Active', render: (l) => yesNo(l.active) },
    ],
    create: paymentLinkForm,
    actions: paymentLinkActions,
  },
};

// ---------------------------------------------------------------------------------------------
// Pages

/** The list page of `key` (a KINDS key): create form (when allowed), table and paging. */
export function listPage(key) {
  const kind = KINDS[key];
  return async (ctx) => {
    pageHeader(ctx.root, kind.title);
    const offset = Math.max(0, parseInt(ctx.query.get('offset'), 10) || 0);
    const results = el('section', { class: 'card', 'aria-label': 'Results' }, el('p', { class: 'muted' }, 'Loading…'));

    async function load() {
      const page = await api.get(kind.api, { query: { limit: PAGE_SIZE, offset }, signal: ctx.signal });
      const rows = page.items || [];
      results.replaceChildren(
        table({ caption: `${kind.title}, newest first`, empty: `No ${kind.title.toLowerCase()} yet.`, rows, columns: kind.columns }),
        pager({
          offset, limit: PAGE_SIZE, total: page.total_items ?? rows.length, count: rows.length,
          onChange: (o) => ctx.navigate(ctx.href(`/${key}`, { offset: o || '' })),
        }));
    }

    if (kind.create && can.write()) ctx.root.append(kind.create(ctx, () => load().catch(reportError)));
    ctx.root.append(results);
    await load();
  };
}

/** The detail page of `key`: every field of the object, its actions, and its timeline. */
export function detailPage(key) {
  const kind = KINDS[key];
  return async (ctx) => {
    const id = ctx.params.id;
    const actions = el('div', { class: 'actions' });
    pageHeader(ctx.root, kind.singular, { subtitle: el('code', {}, id), actions });
    const body = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
    ctx.root.append(section('Details', body));
    const tl = mountTimeline(ctx, ctx.root, id);

    async function load() {
      const object = await api.get(`${kind.api}/${encodeURIComponent(id)}`, { signal: ctx.signal });
      body.replaceChildren(objectView(object));
      actions.replaceChildren(...(kind.actions && can.write() ? kind.actions(ctx, object, async () => {
        await load();
        await tl.refresh();
      }) : []));
    }
    await load();
  };
}

// ---------------------------------------------------------------------------------------------
// A generic key/value view of any API object.

const TIME_KEYS = new Set(['current_period_start', 'current_period_end', 'trial_start', 'trial_end', 'period_start',
  'period_end', 'next_payment_attempt', 'now', 'available_on', 'created']);
const LABELS = { id: 'ID', url: 'URL', livemode: 'Live mode', payment_url: 'Payment URL' };

function labelFor(key) {
  if (LABELS[key]) return LABELS[key];
  const words = key.replace(/_/g, ' ');
  return (words.charAt(0).toUpperCase() + words.slice(1)).replace(/\bid\b/g, 'ID');
}

function valueView(key, value, object) {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return yesNo(value);
  if (key === 'status') return badge(value);
  if ((key === 'amount' || key.endsWith('_amount')) && typeof value === 'number' && object.currency) {
    return formatMinor(value, object.currency);
  }
  if (key.endsWith('_at') || TIME_KEYS.has(key)) return timeEl(value);
  if (key === 'url' || key.endsWith('_url')) return externalLink(value);
  if (key === 'id' || key.endsWith('_id')) return key === 'id' ? el('code', {}, value) : idLink(value);
  if (Array.isArray(value)) {
    return value.every((v) => typeof v !== 'object' || v === null) ? value.join(', ') : el('pre', { class: 'payload' }, JSON.stringify(value, null, 2));
  }
  if (typeof value === 'object') return objectView(value, 'kv kv-nested');
  return String(value);
}

export function objectView(object, className = 'kv') {
  return kvList(Object.entries(object).filter(([k]) => k !== 'object').map(([k, v]) => [labelFor(k), valueView(k, v, object)]), className);
}

// ---------------------------------------------------------------------------------------------
// Create forms. Each posts its body, shows the new object's id (and URL) and reloads the list.

/**
 * A create form: `fields` wrappers, a submit button `submitText`, `toBody()` → the request body (may
 * throw an Error whose message is shown), `created(obj)` → the nodes of the success message.
 */
function createForm(ctx, { heading, fields, submitText, path, toBody, created, onCreated }) {
  const submit = el('button', { type: 'submit', class: 'btn btn-primary' }, submitText);
  const form = el('form', { class: 'form-grid', novalidate: true }, fields, el('div', { class: 'form-buttons' }, submit));
  onValidSubmit(form, submit, async () => {
    let body;
    try {
      body = toBody();
    } catch (e) {
      showError(e.message);
      return;
    }
    const object = await api.post(path, body, { signal: ctx.signal });
    showStatus(...created(object));
    form.reset();
    onCreated();
  });
  return section(heading, form);
}

const text = (f) => f.control.value.trim();
const optional = (f) => text(f) || undefined;

function customerForm(ctx, onCreated) {
  const email = field({ label: 'Email', type: 'email', required: true, attrs: { autocomplete: 'off' } });
  const name = field({ label: 'Name', attrs: { autocomplete: 'off' } });
  const phone = field({ label: 'Phone', type: 'tel', attrs: { autocomplete: 'off' } });
  const description = field({ label: 'Description', type: 'textarea' });
  return createForm(ctx, {
    heading: 'New customer', fields: [email, name, phone, description], submitText: 'Create customer', path: '/v1/customers',
    toBody: () => ({ email: text(email), name: optional(name), phone: optional(phone), description: optional(description) }),
    created: (c) => ['Customer created: ', idLink(c.id)],
    onCreated,
  });
}

function productForm(ctx, onCreated) {
  const name = field({ label: 'Name', required: true, attrs: { maxlength: '250', autocomplete: 'off' } });
  const description = field({ label: 'Description', type: 'textarea', attrs: { maxlength: '2000' } });
  const active = field({ label: 'Active', type: 'checkbox', value: true });
  const form = createForm(ctx, {
    heading: 'New product', fields: [name, description, active], submitText: 'Create product', path: '/v1/products',
    toBody: () => ({ name: text(name), description: optional(description), active: active.control.checked }),
    created: (p) => ['Product created: ', idLink(p.id)],
    onCreated,
  });
  return form;
}

const CURRENCY_ATTRS = { maxlength: '3', autocomplete: 'off', spellcheck: 'false', pattern: '[A-Za-z]{3}', class: 'short' };

function planForm(ctx, onCreated) {
  const product = field({ label: 'Product', required: true, options: [{ value: '', label: 'Loading products…', disabled: true }] });
  const amount = field({ label: 'Amount', required: true, hint: 'Per interval, e.g. 19.99', attrs: { inputmode: 'decimal', autocomplete: 'off' } });
  const currency = field({ label: 'Currency', value: 'USD', required: true, attrs: CURRENCY_ATTRS });
  const interval = field({ label: 'Interval', options: ['day', 'week', 'month', 'year'], value: 'month' });
  const count = field({ label: 'Interval count', type: 'number', value: 1, attrs: { min: '1', max: '12', step: '1' } });
  const nickname = field({ label: 'Nickname', attrs: { maxlength: '250', autocomplete: 'off' } });

  // The product is picked from the merchant's products (of this mode), newest first.
  async function loadProducts() {
    const page = await api.get('/v1/products', { query: { limit: 100 }, signal: ctx.signal });
    const items = page.items || [];
    product.control.replaceChildren(...(items.length
      ? items.map((p) => el('option', { value: p.id }, `${p.name} (${p.id})`))
      : [el('option', { value: '', disabled: true }, 'No products yet: create one first')]));
    product.control.value = items.length ? items[0].id : '';
  }
  loadProducts().catch(reportError);

  return createForm(ctx, {
    heading: 'New plan', fields: [product, amount, currency, interval, count, nickname], submitText: 'Create plan', path: '/v1/plans',
    toBody: () => {
      const cur = text(currency).toUpperCase();
      return {
        product_id: product.control.value,
        amount: decimalToMinor(amount.control.value, cur),
        currency: cur,
        interval: interval.control.value,
        interval_count: Number(count.control.value || 1),
        nickname: optional(nickname),
      };
    },
    created: (p) => ['Plan created: ', idLink(p.id)],
    onCreated: () => {
      // form.reset() put the defaults back; the product list stays as loaded.
      loadProducts().catch(reportError);
      onCreated();
    },
  });
}

function subscriptionForm(ctx, onCreated) {
  const customer = field({ label: 'Customer ID', required: true, attrs: { placeholder: 'cus_…', autocomplete: 'off', spellcheck: 'false' } });
  const plan = field({ label: 'Plan ID', required: true, attrs: { placeholder: 'plan_…', autocomplete: 'off', spellcheck: 'false' } });
  const trial = field({ label: 'Trial days', type: 'number', hint: 'Optional, 1 to 730.', attrs: { min: '1', max: '730', step: '1' } });
  return createForm(ctx, {
    heading: 'New subscription', fields: [customer, plan, trial], submitText: 'Create subscription', path: '/v1/subscriptions',
    toBody: () => ({ customer_id: text(customer), plan_id: text(plan), trial_days: trial.control.value ? Number(trial.control.value) : undefined }),
    created: (s) => {
      const url = s.latest_invoice?.payment_url;
      return ['Subscription created: ', idLink(s.id), url ? ' — the customer pays the first invoice at ' : null, url ? externalLink(url) : null];
    },
    onCreated,
  });
}

function paymentLinkForm(ctx, onCreated) {
  const amount = field({ label: 'Amount', required: true, hint: 'e.g. 25.00', attrs: { inputmode: 'decimal', autocomplete: 'off' } });
  const currency = field({ label: 'Currency', value: 'USD', required: true, attrs: CURRENCY_ATTRS });
  const description = field({ label: 'Description', required: true, attrs: { maxlength: '500', autocomplete: 'off' } });
  return createForm(ctx, {
    heading: 'New payment link', fields: [amount, currency, description], submitText: 'Create payment link', path: '/v1/payment-links',
    toBody: () => {
      const cur = text(currency).toUpperCase();
      return { amount: decimalToMinor(amount.control.value, cur), currency: cur, description: text(description) };
    },
    created: (l) => ['Payment link created: ', idLink(l.id), ' — URL: ', externalLink(l.url)],
    onCreated,
  });
}

// ---------------------------------------------------------------------------------------------
// Detail actions

function paymentLinkActions(ctx, link, reload) {
  const path = `/v1/payment-links/${encodeURIComponent(link.id)}`;
  const toggle = link.active
    ? button('Deactivate', () => busy(toggle, async () => {
      await api.post(`${path}/deactivate`, {}, { signal: ctx.signal });
      showStatus('Payment link deactivated: its page no longer takes payments.');
      await reload();
    }))
    : button('Reactivate', () => busy(toggle, async () => {
      await api.post(`${path}/reactivate`, {}, { signal: ctx.signal });
      showStatus('Payment link reactivated.');
      await reload();
    }));
  return [toggle];
}

function subscriptionActions(ctx, sub, reload) {
  if (['canceled', 'incomplete_expired'].includes(sub.status)) return [];
  const cancel = button('Cancel subscription', async () => {
    const atPeriodEnd = field({ label: 'At period end', type: 'checkbox', value: false, hint: 'Keep it until the current period (or trial) ends.' });
    const done = await openDialog({
      title: 'Cancel this subscription?',
      description: `Subscription ${sub.id} stops renewing.`,
      fields: [atPeriodEnd],
      confirmText: 'Cancel subscription',
      cancelText: 'Keep subscription',
      danger: true,
      onConfirm: () => api.post(`/v1/subscriptions/${encodeURIComponent(sub.id)}/cancel`,
        { at_period_end: atPeriodEnd.control.checked }, { signal: ctx.signal }),
    });
    if (done) {
      showStatus('Subscription canceled.');
      await reload().catch(reportError);
    }
  }, { kind: 'danger' });
  return [cancel];
}
