package dev.payplatform.edge.console.service;

/**
 * What the console's own API does, as the audit log names it (the {@code /v1} calls are named by
 * {@code ApiActions}). Only key actions belong to a mode: the rest are the team's and the user's.
 */
public enum ConsoleAction {
  SIGN_IN("console.sign_in", "POST", "/console/api/session", false),
  SIGN_OUT("console.sign_out", "DELETE", "/console/api/session", false),
  SIGN_UP("console.sign_up", "POST", "/console/api/signup", false),
  TWO_FACTOR_VERIFY("console.two_factor.verify", "POST", "/console/api/session/two_factor", false),
  TWO_FACTOR_ENABLE(
      "console.two_factor.enable", "POST", "/console/api/two_factor/enrolment/confirm", false),
  TWO_FACTOR_DISABLE(
      "console.two_factor.disable", "POST", "/console/api/two_factor/removal", false),
  INVITE_CREATE("team.invite.create", "POST", "/console/api/team/invites", false),
  INVITE_REVOKE("team.invite.revoke", "DELETE", "/console/api/team/invites/{id}", false),
  MEMBER_REMOVE("team.member.remove", "DELETE", "/console/api/team/{id}", false),
  TEAM_SETTINGS_UPDATE("team.settings.update", "PUT", "/console/api/team/settings", false),
  KEY_ROLL("api_key.roll", "POST", "/console/api/keys/{id}/roll", true),
  KEY_REVOKE("api_key.revoke", "POST", "/console/api/keys/{id}/revoke", true);

  private final String action;
  private final String method;
  private final String path;
  private final boolean inMode;

  ConsoleAction(String action, String method, String path, boolean inMode) {
    this.action = action;
    this.method = method;
    this.path = path;
    this.inMode = inMode;
  }

  public String action() {
    return action;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** Whether the action belongs to the session's mode (a key), not to the whole team. */
  public boolean inMode() {
    return inMode;
  }
}
