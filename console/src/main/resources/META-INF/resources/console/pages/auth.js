// Sign in and sign up from an invitation: full-page forms outside the console's layout. Both
// answer the session shape on success; the app then shows the console.
import * as api from '../api.js';
import { el, field, invalidMessage } from '../ui.js';

function authPage(title, ...content) {
  document.title = `${title} · Console`;
  return el('main', { class: 'auth-page', id: 'main' },
    el('div', { class: 'auth-card' },
      el('p', { class: 'auth-brand' }, 'Payments console'),
      el('h1', { tabindex: '-1' }, title),
      ...content));
}

function message(box, role, text) {
  box.replaceChildren(el('p', { role, class: role === 'alert' ? 'msg msg-error' : 'msg msg-ok' }, text));
}

/**
 * The one submit path of the sign-in forms: checks the fields, sends once at a time, and on a
 * refusal shows `failed(error)`'s text and lets the caller reset a field.
 */
function onAuthSubmit(form, submit, messages, send, failed) {
  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    const invalid = invalidMessage(form);
    if (invalid) {
      message(messages, 'alert', invalid);
      return;
    }
    sending = true;
    submit.setAttribute('aria-disabled', 'true');
    try {
      await send();
    } catch (e) {
      message(messages, 'alert', failed(e));
    } finally {
      sending = false;
      submit.removeAttribute('aria-disabled');
    }
  });
}

/** The sign-in page in `root`; `onSignedIn(session)` after a 200. `notice` is shown first (e.g. session ended). */
export function renderLogin(root, { onSignedIn, notice } = {}) {
  const messages = el('div', { class: 'auth-messages' });
  const email = field({ label: 'Email', id: 'email', name: 'email', type: 'email', required: true, attrs: { autocomplete: 'username' } });
  const password = field({ label: 'Password', id: 'password', name: 'password', type: 'password', required: true, attrs: { autocomplete: 'current-password' } });
  const submit = el('button', { type: 'submit', class: 'btn btn-primary btn-block' }, 'Sign in');
  const form = el('form', { novalidate: true, method: 'post' }, email, password, submit);
  onAuthSubmit(form, submit, messages, async () => {
    const session = await api.post('/console/api/session',
      { email: email.control.value.trim(), password: password.control.value },
      { csrf: false, authRedirect: false });
    onSignedIn(session);
  }, (e) => {
    password.control.value = '';
    password.control.focus();
    // 401: wrong email or password; 429: locked for a while. Both say so in `content`.
    return e.status === 401 && !(e.body && e.body.content) ? 'Wrong email or password.' : e.message;
  });

  if (notice) message(messages, 'status', notice);
  root.replaceChildren(authPage('Sign in', messages, form));
  email.control.focus();
}

/**
 * The second step of signing in for a user with an authenticator app: a 6-digit code, or one of
 * the recovery codes. `onSignedIn(session)` once the edge accepts it.
 */
export function renderSecondFactor(root, { onSignedIn, onCancel } = {}) {
  const messages = el('div', { class: 'auth-messages' });
  const code = field({
    label: 'Authentication code', id: 'code', name: 'code', required: true,
    hint: 'The 6-digit code from your authenticator app, or one of your recovery codes.',
    attrs: { autocomplete: 'one-time-code', inputmode: 'text', spellcheck: 'false' },
  });
  const submit = el('button', { type: 'submit', class: 'btn btn-primary btn-block' }, 'Verify');
  const cancel = el('button', { type: 'button', class: 'btn btn-secondary btn-block' }, 'Use another account');
  cancel.addEventListener('click', () => onCancel && onCancel());
  const form = el('form', { novalidate: true, method: 'post' }, code, submit);
  onAuthSubmit(form, submit, messages, async () => {
    const session = await api.post('/console/api/session/two_factor',
      { code: code.control.value.trim() }, { authRedirect: false });
    onSignedIn(session);
  }, (e) => {
    code.control.value = '';
    code.control.focus();
    // 401: wrong code; 429: too many wrong codes, locked for a while.
    return e.status === 401 ? 'Wrong authentication code. Try again.' : e.message;
  });
  root.replaceChildren(authPage('Two-factor sign-in', el('p', { class: 'muted' },
    'Enter the code your authenticator app shows for this account.'), messages, form, cancel));
  code.control.focus();
}

/** #/signup?token=…: the invitation's email (read-only) and a new password. */
export async function renderSignup(root, token, { onSignedIn } = {}) {
  const messages = el('div', { class: 'auth-messages' });
  const intro = el('p', { class: 'muted' }, 'Loading your invitation…');
  const slot = el('div');
  root.replaceChildren(authPage('Create your account', intro, messages, slot));

  if (!token) {
    intro.remove();
    message(messages, 'alert', 'This sign-up link is incomplete: open the full link you were sent.');
    return;
  }
  let invite;
  try {
    invite = await api.get(`/console/api/invites/${encodeURIComponent(token)}`, { authRedirect: false });
  } catch (e) {
    intro.remove();
    message(messages, 'alert', e.status === 404 && !(e.body && e.body.content)
      ? 'This invitation has expired or was already used. Ask for a new one.'
      : e.message);
    return;
  }
  intro.textContent = `You are invited to join ${invite.merchant?.name ?? 'a merchant account'} as ${invite.role}.`;

  const email = field({ label: 'Email', id: 'email', name: 'email', type: 'email', value: invite.email, attrs: { readonly: true, autocomplete: 'username' } });
  const password = field({
    label: 'Password', id: 'password', name: 'password', type: 'password', required: true,
    hint: 'At least 12 characters.', attrs: { autocomplete: 'new-password', minlength: '12' },
  });
  const submit = el('button', { type: 'submit', class: 'btn btn-primary btn-block' }, 'Create account');
  const form = el('form', { novalidate: true, method: 'post' }, email, password, submit);
  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    // minlength is only checked on typed input by the browser: check it ourselves as well.
    const invalid = invalidMessage(form)
      || (password.control.value.length < 12 ? 'Password: use at least 12 characters.' : null);
    if (invalid) {
      message(messages, 'alert', invalid);
      password.control.focus();
      return;
    }
    sending = true;
    submit.setAttribute('aria-disabled', 'true');
    try {
      const session = await api.post('/console/api/signup', { token, password: password.control.value }, { csrf: false, authRedirect: false });
      onSignedIn(session);
    } catch (e) {
      message(messages, 'alert', e.message);
    } finally {
      sending = false;
      submit.removeAttribute('aria-disabled');
    }
  });
  slot.replaceChildren(form);
  password.control.focus();
}
