// The signed-in session, shared by every page; app.js is the only writer.
// Shape: {user:{id,email,role}, merchant:{id,name,gateway_account_id}, mode:"test"|"live", csrf_token, roles:{…}}.

export const state = { session: null };

/** What the signed-in role may do; the server enforces it too, the UI only hides what would fail. */
export const can = {
  write: () => Boolean(state.session?.roles?.can_write),
  manageKeys: () => Boolean(state.session?.roles?.can_manage_keys),
  manageTeam: () => Boolean(state.session?.roles?.can_manage_team),
};

export function currentMode() {
  return state.session?.mode === 'live' ? 'live' : 'test';
}
