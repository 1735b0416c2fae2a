package dev.payplatform.events.domain;

import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;

/** What one attempt led to: delivered, another attempt scheduled, or no more attempts. */
public enum AttemptOutcome implements WireWord {
  SUCCEEDED,
  RETRYING,
  FAILED;

  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<AttemptOutcome> {
    public Column() {
      super(AttemptOutcome.class);
    }
  }
}
