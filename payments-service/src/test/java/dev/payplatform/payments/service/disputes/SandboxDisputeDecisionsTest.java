package dev.payplatform.payments.service.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.payments.domain.Dispute;
import dev.payplatform.payments.domain.DisputeEvidence;
import dev.payplatform.payments.domain.DisputeStatus;
import org.junit.jupiter.api.Test;

/** The sandbox's rule for deciding a submitted test dispute (Stripe's test-mode phrases). */
class SandboxDisputeDecisionsTest {

  @Test
  void winningEvidenceWinsLosingEvidenceLosesAndAnythingElseDecidesNothing() {
    assertThat(SandboxDisputeDecisions.decide(submitted("… winning_evidence …")))
        .isEqualTo(DisputeStatus.WON);
    assertThat(SandboxDisputeDecisions.decide(submitted("losing_evidence")))
        .isEqualTo(DisputeStatus.LOST);
    assertThat(SandboxDisputeDecisions.decide(submitted("Delivered on 3 December."))).isNull();
    assertThat(SandboxDisputeDecisions.decide(submitted(null))).isNull();
  }

  @Test
  void aSubmittedInquiryAlwaysCloses() {
    Dispute d = submitted("losing_evidence");
    d.status = DisputeStatus.WARNING_UNDER_REVIEW;
    assertThat(SandboxDisputeDecisions.decide(d)).isEqualTo(DisputeStatus.WARNING_CLOSED);
  }

  private static Dispute submitted(String text) {
    Dispute d = new Dispute();
    d.status = DisputeStatus.UNDER_REVIEW;
    d.evidence = new DisputeEvidence(null, null, null, null, null, null, text);
    return d;
  }
}
