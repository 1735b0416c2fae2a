package dev.payplatform.edge.console.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Console passwords as bcrypt (Quarkus' Elytron {@code BcryptUtil}). Hashing costs tens of
 * milliseconds by design, so it runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class Passwords {
  /** bcrypt reads at most 72 bytes; longer input is refused rather than silently cut. */
  public static final int MIN_LENGTH = 12;

  public static final int MAX_LENGTH = 72;

  private final int cost;
  // Checked when the email is unknown, so a wrong address costs as long as a wrong password.
  private final String decoy;

  public Passwords(
      @ConfigProperty(name = "edge.console.bcrypt-cost", defaultValue = "12") int cost) {
    this.cost = cost;
    this.decoy = BcryptUtil.bcryptHash("decoy-password-never-matches", cost);
  }

  public Uni<String> hash(String password) {
    return Uni.createFrom()
        .item(() -> BcryptUtil.bcryptHash(password, cost))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  /** Whether the password matches the hash; with a null hash, spends the same time and says no. */
  public Uni<Boolean> matches(String password, String hash) {
    return Uni.createFrom()
        .item(
            () -> {
              boolean ok = BcryptUtil.matches(password, hash == null ? decoy : hash);
              return hash != null && ok;
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  public static boolean tooLong(String password) {
    return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH;
  }

  /** Null when acceptable, else why not. */
  public static String weakness(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return "must be at least " + MIN_LENGTH + " characters";
    }
    if (tooLong(password)) {
      return "must be at most " + MAX_LENGTH + " bytes";
    }
    return null;
  }
}
