package dev.payplatform.payments.domain;

import dev.payplatform.commons.state.Transitions;
import dev.payplatform.commons.state.WireWord;
import dev.payplatform.commons.state.WireWordColumn;
import jakarta.persistence.Converter;
import java.util.Set;

/**
 * A dispute's status (Stripe's words; docs/disputes.md has the diagram). An inquiry is a warning:
 * it moves no money and ends {@code warning_closed}. A chargeback's money leaves when it opens;
 * {@code won} puts it back, {@code lost} keeps it gone.
 *
 * <pre>
 * warning_needs_response ──submit──▶ warning_under_review ──decided──▶ warning_closed
 *          └───────────── accept or past due_by ─────────────────────────────▲
 * needs_response ──submit──▶ under_review ──decided──▶ won | lost
 *          └──── accept or past due_by ──▶ lost
 * </pre>
 */
public enum DisputeStatus implements WireWord {
  WARNING_NEEDS_RESPONSE,
  WARNING_UNDER_REVIEW,
  WARNING_CLOSED,
  NEEDS_RESPONSE,
  UNDER_REVIEW,
  WON,
  LOST;

  public static final Transitions<DisputeStatus> TRANSITIONS =
      Transitions.of("dispute", DisputeStatus.class)
          .allow(WARNING_NEEDS_RESPONSE, WARNING_UNDER_REVIEW, WARNING_CLOSED)
          .allow(WARNING_UNDER_REVIEW, WARNING_CLOSED)
          .allow(NEEDS_RESPONSE, UNDER_REVIEW, LOST)
          .allow(UNDER_REVIEW, WON, LOST)
          .build();

  /** The statuses in which the merchant may still change and submit evidence. */
  public static final Set<DisputeStatus> AWAITING_RESPONSE =
      Set.of(WARNING_NEEDS_RESPONSE, NEEDS_RESPONSE);

  /** The status a submission moves to. */
  public DisputeStatus underReview() {
    return this == WARNING_NEEDS_RESPONSE ? WARNING_UNDER_REVIEW : UNDER_REVIEW;
  }

  /** Where accepting the dispute, or leaving it unanswered past its deadline, ends it. */
  public DisputeStatus givenUp() {
    return this == WARNING_NEEDS_RESPONSE ? WARNING_CLOSED : LOST;
  }

  public boolean isOpen() {
    return !TRANSITIONS.isFinal(this);
  }

  public static DisputeStatus parse(String word) {
    return WireWord.parse(DisputeStatus.class, word);
  }

  /** Stores the public word, as the table's check constraint expects. */
  @Converter(autoApply = true)
  public static class Column extends WireWordColumn<DisputeStatus> {
    public Column() {
      super(DisputeStatus.class);
    }
  }
}
