// Security (the edge's /console/api/two_factor): the signed-in user's own two-factor sign-in.
// Enrol an authenticator app (QR code or the secret typed in, confirmed by one code), see the ten
// recovery codes once, and remove the app with a fresh code. When the team requires two-factor
// sign-in, a member without it lands here and can do nothing else until enrolled.
import * as api from '../api.js';
import { state } from '../state.js';
import {
  el, field, pageHeader, section, kvList, timeEl, secretOnce, onValidSubmit, showStatus, reportError,
} from '../ui.js';

// #/security
export async function render(ctx) {
  pageHeader(ctx.root, 'Security', { subtitle: state.session?.user?.email });
  const mustEnrol = state.session?.stage === 'enrol_two_factor';
  const statusSlot = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  const actionSlot = el('div');
  if (mustEnrol) {
    ctx.root.append(el('p', { class: 'msg msg-error', role: 'alert' },
      'Your team requires two-factor sign-in. Set up an authenticator app to go on.'));
  }
  ctx.root.append(section('Two-factor sign-in', statusSlot, actionSlot));

  async function load() {
    const tf = await api.get('/console/api/two_factor', { signal: ctx.signal });
    statusSlot.replaceChildren(kvList([
      ['Status', tf.enabled ? 'On: sign-in asks for a code from your authenticator app' : 'Off: sign-in needs only your password'],
      ['Since', tf.enabled && tf.enrolled_at ? timeEl(tf.enrolled_at) : '—'],
      ['Recovery codes left', tf.enabled ? String(tf.recovery_codes_left) : '—'],
      ['Required by your team', tf.required_by_team ? 'Yes' : 'No'],
    ]));
    actionSlot.replaceChildren(tf.enabled ? removeForm(tf) : startButton());
  }

  function startButton() {
    const start = el('button', { type: 'button', class: 'btn btn-primary' }, 'Set up an authenticator app');
    start.addEventListener('click', async () => {
      start.setAttribute('aria-disabled', 'true');
      try {
        const enrolment = await api.post('/console/api/two_factor/enrolment', {}, { signal: ctx.signal });
        actionSlot.replaceChildren(enrolForm(enrolment));
        actionSlot.querySelector('input')?.focus();
      } catch (e) {
        reportError(e);
        start.removeAttribute('aria-disabled');
      }
    });
    return el('div', {}, el('p', {}, 'Protect refunds and live keys with a second factor: a code from an app such as Google Authenticator, 1Password or Aegis.'), start);
  }

  function enrolForm(enrolment) {
    const code = field({
      label: 'Authentication code', required: true, hint: 'The 6-digit code the app shows now.',
      attrs: { autocomplete: 'one-time-code', inputmode: 'numeric', pattern: '[0-9]{6}', maxlength: '6' },
    });
    const submit = el('button', { type: 'submit', class: 'btn btn-primary' }, 'Turn on two-factor sign-in');
    const form = el('form', { class: 'form-grid', novalidate: true }, code, el('div', { class: 'form-buttons' }, submit));
    onValidSubmit(form, submit, async () => {
      const done = await api.post('/console/api/two_factor/enrolment/confirm', { code: code.control.value.trim() }, { signal: ctx.signal });
      showStatus('Two-factor sign-in is on.');
      actionSlot.replaceChildren(recoveryCodes(done.recovery_codes));
      if (mustEnrol) await ctx.refreshSession();
      const tf = await api.get('/console/api/two_factor', { signal: ctx.signal });
      statusSlot.replaceChildren(kvList([
        ['Status', 'On: sign-in asks for a code from your authenticator app'],
        ['Since', timeEl(tf.enrolled_at)],
        ['Recovery codes left', String(tf.recovery_codes_left)],
        ['Required by your team', tf.required_by_team ? 'Yes' : 'No'],
      ]));
      actionSlot.querySelector('button')?.focus();
    });
    return el('div', { class: 'enrolment' },
      el('ol', {},
        el('li', {}, 'Scan this QR code with your authenticator app, or type the secret key into it.'),
        el('li', {}, 'Enter the code the app then shows.')),
      el('img', { class: 'qr', src: enrolment.qr_data_url, alt: 'QR code for your authenticator app', width: '200', height: '200' }),
      el('p', {}, el('label', { for: 'totp-secret' }, 'Secret key'), ' ',
        el('code', { id: 'totp-secret', 'data-testid': 'totp-secret', class: 'secret' }, enrolment.secret)),
      form);
  }

  function recoveryCodes(codes) {
    const done = el('button', { type: 'button', class: 'btn btn-secondary' }, 'I have saved them');
    done.addEventListener('click', () => load().catch(reportError));
    return el('div', {},
      secretOnce({
        label: 'Recovery codes',
        value: codes.join('\n'),
        note: 'Each works once, instead of a code from the app, if you lose it. They are shown only now: keep them somewhere safe.',
      }),
      done);
  }

  function removeForm(tf) {
    const code = field({
      label: 'Authentication code', required: true, hint: 'A current code from your authenticator app.',
      attrs: { autocomplete: 'one-time-code', inputmode: 'numeric', pattern: '[0-9]{6}', maxlength: '6' },
    });
    const submit = el('button', { type: 'submit', class: 'btn btn-danger' }, 'Remove authenticator');
    const form = el('form', { class: 'form-grid', novalidate: true }, code, el('div', { class: 'form-buttons' }, submit));
    onValidSubmit(form, submit, async () => {
      await api.post('/console/api/two_factor/removal', { code: code.control.value.trim() }, { signal: ctx.signal });
      showStatus('Two-factor sign-in is off.');
      await load();
    });
    return tf.required_by_team
      ? el('p', { class: 'muted' }, 'Your team requires two-factor sign-in: an owner must turn that off before you can remove your authenticator.')
      : el('div', {}, el('h3', {}, 'Remove the authenticator'), form);
  }

  await load();
}
