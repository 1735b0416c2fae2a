package dev.payplatform.billing.domain;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a subscription is in its life (docs/billing.md):
 *
 * <pre>
 * incomplete ──first invoice paid──▶ active ──renewal paid──▶ active
 *     │ 23 h unpaid ▶ incomplete_expired    │ renewal failed ▶ past_due ──retry paid──▶ active
 * trialing ──trial end, paid──▶ active      │                     └─last retry failed─▶ canceled
 *     └─trial end, unpaid──▶ canceled       └─cancel (now / at period end)──▶ canceled
 * </pre>
 */
public enum SubscriptionStatus implements WireWord {
  INCOMPLETE,
  INCOMPLETE_EXPIRED,
  TRIALING,
  ACTIVE,
  PAST_DUE,
  CANCELED;

  public static final Transitions<SubscriptionStatus> TRANSITIONS =
      Transitions.of("subscription", SubscriptionStatus.class)
          .allow(INCOMPLETE, ACTIVE, INCOMPLETE_EXPIRED, CANCELED)
          .allow(TRIALING, ACTIVE, CANCELED)
          .allow(ACTIVE, PAST_DUE, CANCELED)
          .allow(PAST_DUE, ACTIVE, CANCELED)
          .build();

  /** The words a list may filter by. */
  public static final Set<String> WORDS =
      Arrays.stream(values()).map(SubscriptionStatus::wire).collect(Collectors.toUnmodifiableSet());

  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<SubscriptionStatus> {
    public Column() {
      super(SubscriptionStatus.class);
    }
  }
}
