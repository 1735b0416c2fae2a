package dev.payplatform.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payplatform.commons.errors.IllegalTransition;
import dev.payplatform.commons.state.Transitions.Move;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dispute state machine of docs/disputes.md, and its deadline, with a fixed clock. */
class DisputeStatusTest {
  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

  @Test
  void aChargebackIsSubmittedThenWonOrLostAndAnInquiryOnlyEverCloses() {
    assertThat(DisputeStatus.NEEDS_RESPONSE.underReview()).isEqualTo(DisputeStatus.UNDER_REVIEW);
    assertThat(DisputeStatus.NEEDS_RESPONSE.givenUp()).isEqualTo(DisputeStatus.LOST);
    assertThat(DisputeStatus.WARNING_NEEDS_RESPONSE.underReview())
        .isEqualTo(DisputeStatus.WARNING_UNDER_REVIEW);
    assertThat(DisputeStatus.WARNING_NEEDS_RESPONSE.givenUp())
        .isEqualTo(DisputeStatus.WARNING_CLOSED);
    assertThat(DisputeStatus.TRANSITIONS.successors(DisputeStatus.UNDER_REVIEW))
        .containsExactlyInAnyOrder(DisputeStatus.WON, DisputeStatus.LOST);
    assertThat(DisputeStatus.TRANSITIONS.successors(DisputeStatus.WARNING_UNDER_REVIEW))
        .containsExactly(DisputeStatus.WARNING_CLOSED);
    // An inquiry never turns into a won or lost chargeback here, nor the other way round.
    assertThat(
            DisputeStatus.TRANSITIONS.allowed(
                DisputeStatus.WARNING_UNDER_REVIEW, DisputeStatus.WON))
        .isFalse();
    assertThat(
            DisputeStatus.TRANSITIONS.allowed(
                DisputeStatus.NEEDS_RESPONSE, DisputeStatus.WARNING_CLOSED))
        .isFalse();
  }

  @Test
  void wonLostAndWarningClosedAreFinalAndNothingReopensThem() {
    for (DisputeStatus closed :
        List.of(DisputeStatus.WON, DisputeStatus.LOST, DisputeStatus.WARNING_CLOSED)) {
      assertThat(closed.isOpen()).isFalse();
      for (DisputeStatus any : DisputeStatus.values()) {
        assertThat(DisputeStatus.TRANSITIONS.allowed(closed, any)).isFalse();
      }
    }
    assertThatThrownBy(
            () -> DisputeStatus.TRANSITIONS.move("dp_1", DisputeStatus.LOST, DisputeStatus.WON))
        .isInstanceOf(IllegalTransition.class);
  }

  @Test
  void aMoveStampsTheTimeAndAFinalOneClosesTheDispute() {
    Dispute d = dispute(DisputeStatus.NEEDS_RESPONSE);
    assertThat(d.moveTo(DisputeStatus.UNDER_REVIEW, NOW)).isEqualTo(Move.MOVED);
    assertThat(d.closedAt).isNull();
    assertThat(d.moveTo(DisputeStatus.UNDER_REVIEW, NOW)).isEqualTo(Move.UNCHANGED);
    assertThat(d.moveTo(DisputeStatus.WON, NOW.plusSeconds(5))).isEqualTo(Move.MOVED);
    assertThat(d.closedAt).isEqualTo(NOW.plusSeconds(5));
    assertThat(d.moveTo(DisputeStatus.LOST, NOW.plusSeconds(6))).isEqualTo(Move.ILLEGAL);
    assertThat(d.status).isEqualTo(DisputeStatus.WON);
  }

  @Test
  void itIsPastDueAtItsDeadlineOnlyWhileNothingWasSubmitted() {
    Dispute d = dispute(DisputeStatus.NEEDS_RESPONSE);
    d.evidenceDueBy = NOW.plus(Duration.ofDays(7));
    assertThat(d.pastDue(NOW)).isFalse();
    assertThat(d.pastDue(NOW.plus(Duration.ofDays(7)).minusMillis(1))).isFalse();
    assertThat(d.pastDue(NOW.plus(Duration.ofDays(7)))).isTrue();
    d.submissionCount = 1;
    assertThat(d.pastDue(NOW.plus(Duration.ofDays(8)))).isFalse();
  }

  @Test
  void evidenceUpdatesKeepWhatIsLeftOutAndClearWhatIsEmptied() {
    DisputeEvidence saved =
        DisputeEvidence.NONE.with(
            new DisputeEvidence("Ann", null, "A plan", null, null, null, null));
    assertThat(saved.present()).isTrue();
    DisputeEvidence next =
        saved.with(new DisputeEvidence(null, null, "", null, null, null, "winning_evidence"));
    assertThat(next.customerName()).isEqualTo("Ann");
    assertThat(next.productDescription()).isNull();
    assertThat(next.uncategorizedText()).isEqualTo("winning_evidence");
    assertThat(next.with(new DisputeEvidence("", null, null, null, null, null, "")).present())
        .isFalse();
  }

  static Dispute dispute(DisputeStatus status) {
    Dispute d = new Dispute();
    d.id = "dp_0123456789abcdefghijkl";
    d.status = status;
    d.evidence = DisputeEvidence.NONE;
    d.evidenceDueBy = NOW.plus(Duration.ofDays(7));
    return d;
  }
}
