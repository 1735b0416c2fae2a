package dev.payplatform.events.domain;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;

/**
 * An endpoint receives events while {@code enabled}. It is {@code disabled} by its merchant, by a
 * 410 Gone, or after failing for {@code events.webhooks.disable-after}; its merchant may enable it
 * again.
 */
public enum EndpointStatus implements WireWord {
  ENABLED,
  DISABLED;

  public static final Transitions<EndpointStatus> TRANSITIONS =
      Transitions.of("webhook endpoint", EndpointStatus.class)
          .allow(ENABLED, DISABLED)
          .allow(DISABLED, ENABLED)
          .build();

  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<EndpointStatus> {
    public Column() {
      super(EndpointStatus.class);
    }
  }
}
