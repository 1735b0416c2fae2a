package dev.payplatform.payments.domain;

import dev.payplatform.commons.state.Transitions.Move;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A cardholder's dispute of a payment (docs/disputes.md): what the processor reported, the
 * merchant's evidence and deadline, where it is ({@link DisputeStatus}) and what money it moved.
 */
@Entity
@Table(name = "dispute")
public class Dispute extends PanacheEntityBase {
  public static final String PREFIX = "dp";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String paymentId;
  public String processorReference;
  public String networkReasonCode;

  /** Minor units of {@link #currency} disputed. */
  public long amount;

  public String currency;
  public String reason;
  public boolean isInquiry;

  @Convert(converter = DisputeStatus.Column.class)
  public DisputeStatus status;

  @Convert(converter = DisputeEvidence.Json.class)
  public DisputeEvidence evidence;

  public Instant evidenceDueBy;
  public int submissionCount;
  public Instant submittedAt;
  public Instant decideAt;

  /** The dispute fee charged when it opened, in {@link #feeCurrency}; 0 for an inquiry. */
  public long fee;

  public String feeCurrency;

  /** What left the merchant's available balance, in {@link #feeCurrency} (the settlement's). */
  public long withdrawnAmount;

  public boolean fundsWithdrawn;
  public boolean fundsReinstated;
  public Instant closedAt;
  public Instant createdAt;
  public Instant updatedAt;

  /** Moves the dispute when {@link DisputeStatus#TRANSITIONS} allows it; the answer says how. */
  public Move moveTo(DisputeStatus target, Instant now) {
    Move move = DisputeStatus.TRANSITIONS.check(status, target);
    if (move == Move.MOVED) {
      status = target;
      updatedAt = now;
      if (DisputeStatus.TRANSITIONS.isFinal(target)) {
        closedAt = now;
      }
    }
    return move;
  }

  /** Whether its deadline has passed with nothing submitted. */
  public boolean pastDue(Instant now) {
    return submissionCount == 0 && !now.isBefore(evidenceDueBy);
  }
}
