// Team (the edge's /console/api/team): members and pending invites; owners invite (the sign-up
// link is shown once), revoke pending invites, remove members, and may require two-factor sign-in.
import * as api from '../api.js';
import { can, state } from '../state.js';
import {
  el, button, busy, table, field, pageHeader, section, timeEl, openDialog, secretOnce, onValidSubmit,
  showStatus, showError, reportError,
} from '../ui.js';

const ROLES = ['owner', 'developer', 'viewer'];

// #/team
export async function render(ctx) {
  pageHeader(ctx.root, 'Team');
  const membersSlot = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  const invitesSlot = el('div');
  const linkSlot = el('div', { class: 'secret-slot' });

  const settingsSlot = el('div');
  if (can.manageTeam()) {
    ctx.root.append(el('p', {}, el('a', { href: '#/activity' }, 'Activity'), ': who did what in this account.'));
    ctx.root.append(section('Invite member', linkSlot, inviteForm()));
  }
  ctx.root.append(section('Members', membersSlot), section('Pending invites', invitesSlot));
  if (can.manageTeam()) ctx.root.append(section('Sign-in', settingsSlot));

  function settingsForm(required) {
    const toggle = field({
      label: 'Require two-factor sign-in for everyone', type: 'checkbox', value: required,
      hint: 'Members without an authenticator app must set one up before they can do anything else. Turn it on for yourself first (Security).',
    });
    toggle.control.addEventListener('change', async () => {
      const wanted = toggle.control.checked;
      toggle.control.disabled = true;
      try {
        const saved = await api.put('/console/api/team/settings', { require_two_factor: wanted }, { signal: ctx.signal });
        showStatus(saved.require_two_factor ? 'Two-factor sign-in is now required for everyone.' : 'Two-factor sign-in is no longer required.');
        await load();
      } catch (e) {
        toggle.control.checked = !wanted;
        reportError(e);
      } finally {
        toggle.control.disabled = false;
      }
    });
    return toggle;
  }

  function inviteForm() {
    const email = field({ label: 'Email', type: 'email', required: true, attrs: { autocomplete: 'off' } });
    const role = field({
      label: 'Role', options: ROLES, value: 'developer',
      hint: 'owner: everything, including keys and team; developer: everything else; viewer: read only.',
    });
    const submit = el('button', { type: 'submit', class: 'btn btn-primary' }, 'Send invite');
    const form = el('form', { class: 'form-grid', novalidate: true }, email, role, el('div', { class: 'form-buttons' }, submit));
    onValidSubmit(form, submit, async () => {
      const invite = await api.post('/console/api/team/invites', { email: email.control.value.trim(), role: role.control.value }, { signal: ctx.signal });
      linkSlot.replaceChildren(secretOnce({
        label: 'Sign-up link',
        value: invite.signup_url,
        note: 'Share this sign-up link; it is shown once.',
        extra: el('p', { class: 'muted' }, `Invitation for ${invite.email} as ${invite.role}, valid until `, timeEl(invite.expires_at), '.'),
      }));
      showStatus(`Invitation created for ${invite.email}.`);
      form.reset();
      role.control.value = 'developer';
      await load().catch(reportError);
      linkSlot.querySelector('button')?.focus();
    });
    return form;
  }

  async function load() {
    const team = await api.get('/console/api/team', { signal: ctx.signal });
    const members = team?.data || [];
    const columns = [
      { label: 'Email', render: (m) => (m.you ? [m.email, ' ', el('span', { class: 'badge badge-neutral' }, 'you')] : m.email) },
      { label: 'Role', render: (m) => m.role },
      { label: 'Two-factor', render: (m) => (m.two_factor ? 'On' : 'Off') },
      { label: 'Joined', render: (m) => timeEl(m.created_at) },
    ];
    if (can.manageTeam()) columns.push({ label: 'Actions', render: (m) => (m.you ? null : removeButton(m)) });
    membersSlot.replaceChildren(table({ caption: `Members of ${state.session?.merchant?.name ?? 'this account'}`, rows: members, columns, empty: 'No members.' }));
    invitesSlot.replaceChildren(table({
      caption: 'Invitations not yet accepted',
      empty: 'No pending invites.',
      rows: team?.invites || [],
      columns: [
        { label: 'Email', render: (i) => i.email },
        { label: 'Role', render: (i) => i.role },
        { label: 'Invited by', render: (i) => i.invited_by ?? '—' },
        { label: 'Expires', render: (i) => timeEl(i.expires_at) },
        ...(can.manageTeam() ? [{ label: 'Actions', render: (i) => revokeButton(i) }] : []),
      ],
    }));
    if (can.manageTeam()) settingsSlot.replaceChildren(settingsForm(Boolean(team?.require_two_factor)));
  }

  function revokeButton(invite) {
    return button('Revoke', async () => {
      const done = await openDialog({
        title: 'Revoke this invite?',
        description: `The sign-up link sent to ${invite.email} stops working at once.`,
        confirmText: 'Revoke invite',
        danger: true,
        onConfirm: () => api.del(`/console/api/team/invites/${encodeURIComponent(invite.id)}`, { signal: ctx.signal }),
      });
      if (!done) return;
      showStatus(`The invite for ${invite.email} was revoked.`);
      await load().catch(reportError);
    }, { kind: 'danger' });
  }

  function removeButton(member) {
    return button('Remove', async () => {
      const done = await openDialog({
        title: 'Remove this member?',
        description: `${member.email} loses access to ${state.session?.merchant?.name ?? 'this account'} at once.`,
        confirmText: 'Remove member',
        danger: true,
        onConfirm: () => api.del(`/console/api/team/${encodeURIComponent(member.id)}`, { signal: ctx.signal }),
      });
      if (!done) return;
      showStatus(`${member.email} was removed.`);
      await load().catch(reportError);
    }, { kind: 'danger' });
  }

  await load();
}
