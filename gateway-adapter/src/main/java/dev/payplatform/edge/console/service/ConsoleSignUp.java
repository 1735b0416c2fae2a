package dev.payplatform.edge.console.service;

import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Accepting an invite: the user is created and signed in. The invite works once. */
@ApplicationScoped
public class ConsoleSignUp {
  private final ConsoleInvites invites;
  private final ConsoleUserCreation users;
  private final Passwords passwords;
  private final ConsoleSessions sessions;

  public ConsoleSignUp(
      ConsoleInvites invites,
      ConsoleUserCreation users,
      Passwords passwords,
      ConsoleSessions sessions) {
    this.invites = invites;
    this.users = users;
    this.passwords = passwords;
    this.sessions = sessions;
  }

  public Uni<ConsoleSessions.Started> signUp(String token, String password) {
    String weakness = Passwords.weakness(password);
    if (weakness != null) {
      return Uni.createFrom()
          .failure(new ValidationFailedException(FieldError.body("password", weakness)));
    }
    return invites
        .open(token)
        .chain(
            invite ->
                passwords
                    .hash(password)
                    .chain(
                        hash ->
                            invites
                                .use(invite.id())
                                .chain(
                                    used -> {
                                      if (!used) {
                                        return Uni.createFrom().failure(ConsoleInvites.notFound());
                                      }
                                      return users.insert(
                                          invite.merchantId(), invite.email(), invite.role(), hash);
                                    })))
        .chain(sessions::start);
  }
}
