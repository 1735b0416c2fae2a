package dev.payplatform.checkout.processor.sandbox;

import dev.payplatform.processor.CardSummary;
import dev.payplatform.processor.ProcessorAccount;
import dev.payplatform.processor.ProcessorResult;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * The sandbox's idempotency record: one row per reference a caller used (or looked up), holding the
 * result it answered. No card number or security code, only what a result shows.
 */
@Entity
@Table(name = "sandbox_operation")
public class SandboxOperation extends PanacheEntityBase {
  static final String VOIDED = "voided";

  @Id public String reference;
  public String merchantId;
  public boolean livemode;
  public String outcome;
  public String declineReason;
  public String message;
  public String chargeId;
  public String authenticationId;
  public String paymentMethodId;
  public String cardBrand;
  public String cardLast4;
  public Integer cardExpMonth;
  public Integer cardExpYear;
  public String cardCountry;
  public Instant createdAt;

  static SandboxOperation of(
      ProcessorAccount account, String reference, ProcessorResult result, Instant now) {
    SandboxOperation op = base(account, reference, now);
    op.outcome = result.outcome().name().toLowerCase(java.util.Locale.ROOT);
    op.declineReason = result.declineReason();
    op.message = result.message();
    op.chargeId = result.chargeRef();
    op.authenticationId = result.authenticationRef();
    op.paymentMethodId = result.paymentMethodId();
    CardSummary card = result.card();
    if (card != null) {
      op.cardBrand = card.brand();
      op.cardLast4 = card.last4();
      op.cardExpMonth = card.expMonth();
      op.cardExpYear = card.expYear();
      op.cardCountry = card.country();
    }
    return op;
  }

  static SandboxOperation voided(ProcessorAccount account, String reference, Instant now) {
    SandboxOperation op = base(account, reference, now);
    op.outcome = VOIDED;
    return op;
  }

  private static SandboxOperation base(ProcessorAccount account, String reference, Instant now) {
    SandboxOperation op = new SandboxOperation();
    op.reference = reference;
    op.merchantId = account.merchantId();
    op.livemode = account.livemode();
    op.createdAt = now;
    return op;
  }

  boolean isVoided() {
    return VOIDED.equals(outcome);
  }

  /** The stored result; empty for a voided reference (nothing happened under it). */
  Optional<ProcessorResult> result() {
    if (isVoided()) {
      return Optional.empty();
    }
    CardSummary card =
        cardLast4 == null
            ? null
            : new CardSummary(cardBrand, cardLast4, cardExpMonth, cardExpYear, cardCountry, null);
    return Optional.of(
        new ProcessorResult(
            ProcessorResult.Outcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT)),
            declineReason,
            message,
            card,
            chargeId,
            authenticationId,
            paymentMethodId,
            null));
  }
}
