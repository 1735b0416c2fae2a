package dev.payplatform.edge.console.service;

import dev.payplatform.commons.web.CallerContext;
import dev.payplatform.edge.config.EdgeConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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

  public Passwords(EdgeConfig config) {
    this.cost = config.console().bcryptCost();
    this.decoy = BcryptUtil.bcryptHash("decoy-password-never-matches", cost);
  }

  public Uni<String> hash(String password) {
    return CallerContext.onWorker(() -> BcryptUtil.bcryptHash(password, cost));
  }

  /** Whether the password matches the hash; with a null hash, spends the same time and says no. */
  public Uni<Boolean> matches(String password, String hash) {
    return CallerContext.onWorker(
        () -> {
          boolean ok = BcryptUtil.matches(password, hash == null ? decoy : hash);
          return hash != null && ok;
        });
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
