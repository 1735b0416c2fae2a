// Home: the last 30 days (volume chart, tiles) from GET /v1/payments/summary and the latest
// payments. The chart is Chart.js 4 (global `Chart`, loaded by index.html); a visually hidden
// table carries the same figures for screen readers, and is shown when Chart.js is missing.
import * as api from '../api.js';
import { el, uid, field, pageHeader, section, table, formatMinor, exponent, reportError, isQuiet } from '../ui.js';
import { paymentsTable } from './payments.js';

const DAYS = 30;

export async function render(ctx) {
  pageHeader(ctx.root, 'Home');
  const overview = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  const latest = el('section', { class: 'card', 'aria-label': 'Latest payments' }, el('p', { class: 'muted' }, 'Loading…'));
  ctx.root.append(section(`Last ${DAYS} days`, overview), latest);

  const summary = api.get('/v1/payments/summary', { query: { days: DAYS }, signal: ctx.signal })
    .then((s) => renderSummary(ctx, overview, s))
    .catch((e) => {
      if (isQuiet(e)) return;
      overview.replaceChildren(el('p', { class: 'muted' }, `The summary could not be loaded: ${e.message}`));
      reportError(e);
    });
  const payments = api.get('/v1/payments', { query: { limit: 10 }, signal: ctx.signal })
    .then((rows) => latest.replaceChildren(
      paymentsTable(Array.isArray(rows) ? rows : [], 'Latest payments'),
      el('p', {}, el('a', { href: '#/payments' }, 'All payments'))))
    .catch((e) => {
      if (isQuiet(e)) return;
      latest.replaceChildren(el('p', { class: 'muted' }, `The latest payments could not be loaded: ${e.message}`));
      reportError(e);
    });
  await Promise.all([summary, payments]);
}

function renderSummary(ctx, root, summary) {
  const currencies = [...(summary.by_currency || [])].sort((a, b) => (b.volume || 0) - (a.volume || 0));
  if (!currencies.length) {
    root.replaceChildren(
      tiles(null, summary),
      el('p', { class: 'muted' }, `No payments in the last ${summary.days ?? DAYS} days.`));
    return;
  }
  const body = el('div');
  let chart = null;
  const show = (code) => {
    if (chart) chart.destroy();
    chart = null;
    const row = currencies.find((c) => c.currency === code) || currencies[0];
    const days = dailySeries(summary, row.currency);
    const { node, draw } = volumeChart(days, row.currency);
    body.replaceChildren(tiles(row, summary), node);
    chart = draw();
  };
  // Chart.js keeps a resize observer per chart: release it when the page is left.
  ctx.signal.addEventListener('abort', () => chart && chart.destroy());

  if (currencies.length > 1) {
    const select = field({ label: 'Currency', options: currencies.map((c) => c.currency), value: currencies[0].currency });
    select.control.addEventListener('change', () => show(select.control.value));
    root.replaceChildren(el('div', { class: 'inline-field' }, select), body);
  } else {
    root.replaceChildren(body);
  }
  show(currencies[0].currency);
}

function tiles(row, summary) {
  const rate = typeof summary.success_rate === 'number' ? `${(summary.success_rate * 100).toFixed(1)}%` : '—';
  const tile = (label, value) => el('li', { class: 'tile' }, el('span', { class: 'tile-label' }, label), el('span', { class: 'tile-value' }, value));
  return el('ul', { class: 'tiles' },
    tile('Volume', row ? formatMinor(row.volume, row.currency) : '—'),
    tile('Payments', row ? (row.count ?? 0).toLocaleString('en-US') : '0'),
    tile('Success rate', rate),
    tile('Refunded', row ? formatMinor(row.refunded ?? 0, row.currency) : '—'));
}

/** One entry per day from `since` to today (days without payments are zero), for one currency. */
function dailySeries(summary, currency) {
  const byDate = new Map();
  for (const d of summary.by_day || []) if (d.currency === currency) byDate.set(d.date, d);
  const today = new Date().toISOString().slice(0, 10);
  const dates = [...byDate.keys()].sort();
  const last = dates.length && dates[dates.length - 1] > today ? dates[dates.length - 1] : today;
  let day = /^\d{4}-\d{2}-\d{2}$/.test(summary.since || '') ? summary.since : dates[0] || today;
  const out = [];
  for (let guard = 0; day <= last && guard < 400; guard += 1) {
    const d = byDate.get(day);
    out.push({ date: day, count: d?.count ?? 0, succeeded: d?.succeeded ?? 0, failed: d?.failed ?? 0, volume: d?.volume ?? 0 });
    day = new Date(Date.parse(`${day}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
  }
  return out;
}

function volumeChart(days, currency) {
  const captionText = `Payment volume per day, last ${DAYS} days (${currency})`;
  const fallback = table({
    caption: captionText,
    rows: days,
    columns: [
      { label: 'Date', render: (d) => d.date },
      { label: 'Payments', render: (d) => d.count.toLocaleString('en-US'), numeric: true },
      { label: 'Succeeded', render: (d) => String(d.succeeded), numeric: true },
      { label: 'Failed', render: (d) => String(d.failed), numeric: true },
      { label: 'Volume', render: (d) => formatMinor(d.volume, currency), numeric: true },
    ],
  });
  if (typeof window.Chart !== 'function') {
    // No chart library: the table is the chart.
    return { node: el('div', { class: 'chart-fallback' }, fallback), draw: () => null };
  }
  fallback.classList.add('visually-hidden');
  const canvas = el('canvas', { role: 'img', 'aria-label': 'Payment volume per day, last 30 days', id: uid('chart') },
    el('p', {}, captionText));
  const node = el('div', { class: 'chart-block' }, el('div', { class: 'chart-box' }, canvas), fallback);
  const scale = 10 ** exponent(currency);
  const draw = () => new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: days.map((d) => d.date.slice(5)),
      datasets: [{
        label: `Volume (${currency})`,
        data: days.map((d) => d.volume / scale),
        backgroundColor: '#4f46e5',
        borderRadius: 3,
        maxBarThickness: 28,
      }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => days[items[0].dataIndex].date,
            label: (item) => `${formatMinor(days[item.dataIndex].volume, currency)} · ${days[item.dataIndex].count} payments`,
          },
        },
      },
      scales: {
        y: { beginAtZero: true, ticks: { callback: (v) => formatMinor(Math.round(v * scale), currency) } },
        x: { grid: { display: false } },
      },
    },
  });
  return { node, draw };
}
