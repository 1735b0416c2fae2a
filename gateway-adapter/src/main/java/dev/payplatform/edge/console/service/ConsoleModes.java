package dev.payplatform.edge.console.service;

import dev.payplatform.commons.auth.Mode;
import dev.payplatform.commons.errors.ApiException;
import java.util.Locale;
import java.util.Optional;

/**
 * Mode per tab (docs/console.md, "Test and live"). The session holds the mode last switched to, but
 * each tab shows one mode, and says which on every request ({@code X-Console-Mode}). A request
 * whose tab shows another mode than the session's is refused, so a tab still showing test data
 * never lists or makes live objects after another tab switched to live.
 */
public final class ConsoleModes {
  public static final String HEADER = "X-Console-Mode";

  private ConsoleModes() {}

  /**
   * Why a request cannot go on in the mode its tab shows, or empty when it can.
   *
   * @param required whether a request without the header is refused (calls on mode-bound data)
   */
  public static Optional<ApiException> refusal(ConsoleSession s, String shown, boolean required) {
    if (shown == null || shown.isBlank()) {
      return required
          ? Optional.of(
              ApiException.badRequest(
                  "A console request must say which mode its page shows: "
                      + HEADER
                      + ": test or live."))
          : Optional.empty();
    }
    String word = shown.strip().toLowerCase(Locale.ROOT);
    if (!word.equals("test") && !word.equals("live")) {
      return Optional.of(ApiException.badRequest(HEADER + " must be test or live."));
    }
    Mode tab = word.equals("live") ? Mode.LIVE : Mode.TEST;
    if (tab == s.mode()) {
      return Optional.empty();
    }
    return Optional.of(
        new ApiException(
            409,
            "Console mode changed",
            "This tab is showing "
                + word
                + " data, but the console is now in "
                + s.mode().claim()
                + " mode (switched in another tab). Reload the page."));
  }

  /** A session that still has a sign-in step to do cannot act: 403 naming the step. */
  public static void requireSignedIn(ConsoleSession s) {
    switch (s.stage()) {
      case SIGNED_IN -> {}
      case TWO_FACTOR ->
          throw new ApiException(
              403, "Two-factor sign-in required", "Enter the code from your authenticator app.");
      case ENROL_TWO_FACTOR ->
          throw new ApiException(
              403,
              "Two-factor sign-in required",
              "Your team requires two-factor sign-in: set up an authenticator app (Security)"
                  + " to go on.");
    }
  }
}
