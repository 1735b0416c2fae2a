package dev.payplatform.payments.domain;

import dev.payplatform.commons.errors.DomainException;

/** Evidence was sent to a dispute that no longer takes it: submitted already, or closed. */
public class DisputeClosedForEvidence extends DomainException {
  public DisputeClosedForEvidence(Dispute d) {
    super(
        "Dispute "
            + d.id
            + " is "
            + d.status.wire()
            + ": its evidence can no longer be changed or submitted.");
  }
}
