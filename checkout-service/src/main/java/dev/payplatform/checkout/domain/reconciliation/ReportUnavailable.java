package dev.payplatform.checkout.domain.reconciliation;

import dev.payplatform.commons.errors.DomainException;

/** The settlement report of a day cannot be reconciled: it has not arrived, or is malformed. */
public class ReportUnavailable extends DomainException {
  public ReportUnavailable(String message) {
    super(message);
  }
}
