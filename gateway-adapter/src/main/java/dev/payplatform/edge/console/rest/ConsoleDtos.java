package dev.payplatform.edge.console.rest;

import java.util.List;

/** Request and response bodies of the console's own API ({@code /console/api/**}). */
public final class ConsoleDtos {
  private ConsoleDtos() {}

  public record SignIn(String email, String password) {}

  public record SignUp(String token, String password) {}

  public record SwitchMode(String mode) {}

  public record Invite(String email, String role) {}

  public record Roll(Integer gracePeriodHours) {}

  /** The operator creates a console user; without a password one is generated and returned. */
  public record CreateUser(String email, String role, String password) {}

  public record CreatedUser(String id, String object, String email, String role, String password) {}

  public record UserView(String id, String email, String role) {}

  /** The merchant as its console shows it; the live gateway account is read-only here. */
  public record MerchantView(String id, String name, String gatewayAccountId) {}

  public record Permissions(boolean canWrite, boolean canManageKeys, boolean canManageTeam) {}

  public record SessionView(
      UserView user, MerchantView merchant, String mode, String csrfToken, Permissions roles) {}

  public record Member(String id, String email, String role, String createdAt, boolean you) {}

  public record PendingInvite(String id, String email, String role, String expiresAt) {}

  public record Team(List<Member> data, List<PendingInvite> invites) {}

  public record CreatedInvite(
      String id, String email, String role, String expiresAt, String signupUrl) {}

  public record InviteView(String email, String role, MerchantView merchant) {}

  public record Keys(List<dev.payplatform.edge.rest.AdminDtos.KeyView> data) {}
}
