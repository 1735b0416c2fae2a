package dev.payplatform.billing.domain;

import dev.payplatform.commons.state.Transitions;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;

/**
 * A refund of (part of) a payment; its statuses and their moves are {@link RefundStatus}. A pending
 * refund's amount is reserved on its payment so that concurrent refunds can never exceed what was
 * captured.
 */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {
  public static final String ID_PREFIX = "re";

  /** The reasons a merchant may give. */
  public static final Set<String> REASONS =
      Set.of("duplicate", "fraudulent", "requested_by_customer");

  /** The platform's own: the charge succeeded after its payment was canceled (Stripe's word). */
  public static final String REASON_LATE_SUCCESS = "expired_uncaptured_charge";

  @Id public String id;
  public String merchantId;
  public boolean livemode;
  public String paymentId;
  public long amount;
  public String currency;
  public String reason;
  public RefundStatus status;
  public String failureReason;
  public Instant createdAt;
  public Instant updatedAt;

  /**
   * Settles a pending refund at {@code now}: succeeded, or failed with its reason. False, changing
   * nothing, when the refund is already settled (a duplicate or late outcome).
   */
  public boolean settle(boolean succeeded, String failure, Instant now) {
    RefundStatus next = succeeded ? RefundStatus.SUCCEEDED : RefundStatus.FAILED;
    if (RefundStatus.TRANSITIONS.check(status, next) != Transitions.Move.MOVED) {
      return false;
    }
    status = next;
    if (!succeeded) {
      failureReason = failure == null ? "processor_declined" : failure;
    }
    updatedAt = now;
    return true;
  }
}
