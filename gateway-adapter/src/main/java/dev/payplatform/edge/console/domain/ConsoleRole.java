package dev.payplatform.edge.console.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a console user may do. A viewer only reads; a developer also changes data (refunds, links,
 * webhook endpoints); an owner also manages API keys and the team.
 */
public enum ConsoleRole {
  OWNER(true, true, true),
  DEVELOPER(true, false, false),
  VIEWER(false, false, false);

  private final boolean canWrite;
  private final boolean canManageKeys;
  private final boolean canManageTeam;

  ConsoleRole(boolean canWrite, boolean canManageKeys, boolean canManageTeam) {
    this.canWrite = canWrite;
    this.canManageKeys = canManageKeys;
    this.canManageTeam = canManageTeam;
  }

  public boolean canWrite() {
    return canWrite;
  }

  public boolean canManageKeys() {
    return canManageKeys;
  }

  public boolean canManageTeam() {
    return canManageTeam;
  }

  /** Whether this role may do all that {@code other} may (an owner includes every role). */
  public boolean includes(ConsoleRole other) {
    return ordinal() <= other.ordinal(); // declared from the most to the least able
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ConsoleRole> fromWord(String word) {
    if (word == null) {
      return Optional.empty();
    }
    for (ConsoleRole r : values()) {
      if (r.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
