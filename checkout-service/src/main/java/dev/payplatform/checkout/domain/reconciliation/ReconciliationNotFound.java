package dev.payplatform.checkout.domain.reconciliation;

import dev.payplatform.commons.errors.DomainException;

/** No reconciliation run or item under that id. */
public class ReconciliationNotFound extends DomainException {
  private final String what;

  public ReconciliationNotFound(String what, String id) {
    super("No reconciliation " + what + " " + id + ".");
    this.what = what;
  }

  public String what() {
    return what;
  }
}
