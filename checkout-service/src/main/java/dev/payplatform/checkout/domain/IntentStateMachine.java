package dev.payplatform.checkout.domain;

import static dev.payplatform.checkout.domain.IntentStatus.CANCELED;
import static dev.payplatform.checkout.domain.IntentStatus.PROCESSING;
import static dev.payplatform.checkout.domain.IntentStatus.REQUIRES_ACTION;
import static dev.payplatform.checkout.domain.IntentStatus.REQUIRES_PAYMENT_METHOD;
import static dev.payplatform.checkout.domain.IntentStatus.SUCCEEDED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every transition a payment intent may make, in one place (docs/checkout.md draws it):
 *
 * <pre>
 * requires_payment_method ──confirm──▶ processing ──frictionless──▶ succeeded
 *          ▲                            │   ▲    └──challenge──▶ requires_action
 *          └──────────declined──────────┘   └─complete/fail/re-confirm─┘
 * requires_payment_method | requires_action | processing ──▶ canceled
 *     (too many failed attempts, or the session expired)
 * </pre>
 *
 * Succeeded and canceled are final. A decline from {@code processing} goes back to {@code
 * requires_payment_method} (the buyer may retry) or, on the last allowed attempt, to {@code
 * canceled}.
 */
public final class IntentStateMachine {
  private static final Map<IntentStatus, Set<IntentStatus>> ALLOWED =
      Map.of(
          REQUIRES_PAYMENT_METHOD, EnumSet.of(PROCESSING, CANCELED),
          PROCESSING, EnumSet.of(SUCCEEDED, REQUIRES_ACTION, REQUIRES_PAYMENT_METHOD, CANCELED),
          REQUIRES_ACTION, EnumSet.of(PROCESSING, CANCELED),
          SUCCEEDED, EnumSet.noneOf(IntentStatus.class),
          CANCELED, EnumSet.noneOf(IntentStatus.class));

  private IntentStateMachine() {}

  public static boolean allowed(IntentStatus from, IntentStatus to) {
    return ALLOWED.get(from).contains(to);
  }

  /** Moves the intent or throws {@link IllegalTransitionException}; nothing else sets status. */
  static void move(PaymentIntent intent, IntentStatus to) {
    if (!allowed(intent.status, to)) {
      throw new IllegalTransitionException(intent.id, intent.status, to);
    }
    intent.status = to;
  }

  /** A transition the machine does not allow (a duplicate or out-of-order request or event). */
  public static class IllegalTransitionException extends RuntimeException {
    public IllegalTransitionException(String intentId, IntentStatus from, IntentStatus to) {
      super(
          "payment intent " + intentId + " cannot go from " + from.wire() + " to " + to.wire(),
          null,
          false,
          false);
    }
  }
}
