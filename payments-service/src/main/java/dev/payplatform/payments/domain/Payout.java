package dev.payplatform.payments.domain;

import dev.payplatform.commons.state.Transitions.Move;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Money on its way from a merchant's available balance to its bank account (docs/payouts.md): how
 * much, where to (sealed as it was when made), when it should arrive, and where it is ({@link
 * PayoutStatus}).
 */
@Entity
@Table(name = "payout")
public class Payout extends PanacheEntityBase {
  public static final String PREFIX = "po";

  @Id public String id;
  public String merchantId;
  public boolean livemode;

  /** Minor units of {@link #currency}. */
  public long amount;

  public String currency;
  public LocalDate arrivalDate;
  public LocalDate executionDate;
  public String method;
  public boolean automatic;

  @Convert(converter = PayoutStatus.Column.class)
  public PayoutStatus status;

  public String failureCode;
  public String failureMessage;
  public String balanceTransaction;
  public String failureBalanceTransaction;
  public String description;
  public String destination;
  public String destinationHolderName;
  public String destinationSealed;
  public String batchId;
  public Instant createdAt;
  public Instant updatedAt;

  /** Moves the payout when {@link PayoutStatus#TRANSITIONS} allows it; the answer says how. */
  public Move moveTo(PayoutStatus target, Instant now) {
    Move move = PayoutStatus.TRANSITIONS.check(status, target);
    if (move == Move.MOVED) {
      status = target;
      updatedAt = now;
    }
    return move;
  }
}
