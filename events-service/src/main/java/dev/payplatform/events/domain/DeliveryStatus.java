package dev.payplatform.events.domain;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;

/**
 * A delivery is {@code pending} while attempts remain, {@code succeeded} once the endpoint answered
 * 2xx, {@code failed} after its last attempt (or when its endpoint was disabled). A resend starts a
 * new series of attempts from either final state.
 */
public enum DeliveryStatus implements WireWord {
  PENDING,
  SUCCEEDED,
  FAILED;

  public static final Transitions<DeliveryStatus> TRANSITIONS =
      Transitions.of("delivery", DeliveryStatus.class)
          .allow(PENDING, SUCCEEDED, FAILED)
          .allow(SUCCEEDED, PENDING)
          .allow(FAILED, PENDING)
          .build();

  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<DeliveryStatus> {
    public Column() {
      super(DeliveryStatus.class);
    }
  }
}
