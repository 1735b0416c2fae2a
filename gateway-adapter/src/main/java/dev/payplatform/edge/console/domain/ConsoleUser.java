package dev.payplatform.edge.console.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A console user: one merchant's, signing in by email and a bcrypt password. One active account per
 * address across the platform (a partial unique index); a removed one stays, marked removed.
 */
@Entity
@Table(name = "console_user")
public class ConsoleUser extends PanacheEntityBase {
  public static final String ACTIVE = "active";
  public static final String REMOVED = "removed";

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

  /*
   * Native: the conflict target is the partial unique index on active emails, which HQL cannot
   * name. One statement, so two creations of the same address cannot both succeed, and a conflict
   * ends nothing else (no failed statement aborts the caller's transaction).
   */
  private static final String INSERT_UNLESS_TAKEN =
      "insert into console_user (id, merchant_id, email, password_hash, role, status, created_at)"
          + " values (?1, ?2, ?3, ?4, ?5, 'active', cast(?6 as timestamptz))"
          + " on conflict (email) where status = 'active' do nothing";

  @Id public String id;
  public String merchantId;
  // Lower-cased (normalizeEmail).
  public String email;
  public String passwordHash;
  public String role;
  public String status;
  // Password attempts taken since the last success (LockoutPolicy), and the lock they set.
  public int failedLogins;
  public Instant lockedUntil;
  public Instant createdAt;
  public Instant removedAt;
  // Two-factor sign-in: the authenticator's secret, sealed; one being enrolled; since when.
  public String totpSecretSealed;
  public String totpPendingSealed;
  public Instant totpEnabledAt;
  // The last 30-second step whose code was accepted: a code works once.
  public Long totpLastStep;
  // The code step's own attempts and lock.
  public int failedCodes;
  public Instant codesLockedUntil;

  /** Takes a password attempt before the password is checked (call on a row-locked user). */
  public LockoutPolicy.Slot takePasswordAttempt(LockoutPolicy policy, Instant now) {
    LockoutPolicy.Slot slot = policy.take(failedLogins, lockedUntil, now);
    if (slot instanceof LockoutPolicy.Slot.Taken taken) {
      failedLogins = taken.failures();
      lockedUntil = taken.lockedUntil();
    }
    return slot;
  }

  /** Takes an authentication-code attempt before the code is checked (on a row-locked user). */
  public LockoutPolicy.Slot takeCodeAttempt(LockoutPolicy policy, Instant now) {
    LockoutPolicy.Slot slot = policy.take(failedCodes, codesLockedUntil, now);
    if (slot instanceof LockoutPolicy.Slot.Taken taken) {
      failedCodes = taken.failures();
      codesLockedUntil = taken.lockedUntil();
    }
    return slot;
  }

  public boolean hasTwoFactor() {
    return totpEnabledAt != null && totpSecretSealed != null;
  }

  /** The role; a word the schema allows but this code does not know reads as a viewer. */
  public ConsoleRole consoleRole() {
    return ConsoleRole.fromWord(role).orElse(ConsoleRole.VIEWER);
  }

  /**
   * Inserts an active user unless the address already has one; true when inserted. Call within a
   * transaction ({@code Panache.withTransaction}).
   */
  public static Uni<Boolean> insertUnlessTaken(
      String id,
      String merchantId,
      String email,
      String passwordHash,
      ConsoleRole role,
      Instant createdAt) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(INSERT_UNLESS_TAKEN)
                    .setParameter(1, id)
                    .setParameter(2, merchantId)
                    .setParameter(3, email)
                    .setParameter(4, passwordHash)
                    .setParameter(5, role.word())
                    .setParameter(6, createdAt.atOffset(ZoneOffset.UTC))
                    .executeUpdate())
        .map(inserted -> inserted > 0);
  }

  /** The address lower-cased, or null when it is not an email address. */
  public static String normalizeEmail(String email) {
    if (email == null) {
      return null;
    }
    String e = email.strip().toLowerCase(Locale.ROOT);
    return EMAIL.matcher(e).matches() ? e : null;
  }
}
