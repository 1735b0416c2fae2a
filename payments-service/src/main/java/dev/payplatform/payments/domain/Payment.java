package dev.payplatform.payments.domain;

import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.state.Transitions.Move;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * The merchant's record of one payment: what was asked for, where it is in its lifecycle ({@link
 * PaymentStatus}), the card and buyer as checkout reported them, and, once completed, the fee plan
 * and FX rates used, frozen.
 */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {
  @Id public String id;
  public String merchantId;
  public boolean livemode;

  /** Minor units of {@link #currency}. */
  public long amount;

  public String currency;
  public String description;

  @Convert(converter = StringListJson.class)
  public List<String> items;

  public String returnUrl;

  @Convert(converter = PaymentStatus.Column.class)
  public PaymentStatus status;

  /** {@code payment}, {@code session}, {@code link} or {@code invoice}. */
  public String purpose;

  /** The id of what was paid ({@code pay_…}, {@code sess_…}, {@code plink_…}, {@code in_…}). */
  public String reference;

  public String merchantName;
  public Instant checkoutExpiresAt;

  public String paymentIntentId;
  public String sessionId;
  public String invoiceId;
  public String paymentLinkId;
  public String subscriptionId;
  public String customerId;
  public String customerEmail;

  public String cardBrand;
  // The card network's answer to a live charge: DE 38, DE 37, DE 39 (docs/connectors.md).
  public String networkAuthorizationCode;
  public String networkRrn;
  public String networkResponseCode;

  @Column(name = "card_last4")
  public String cardLast4;

  public String cardExpMonth;
  public String cardExpYear;
  public String cardCountry;

  public String declineReason;
  public String failureMessage;

  /**
   * Null for an ordinary charge; for a success that came after the payment was canceled, what was
   * done with it: {@code refund} (an automatic refund follows) or {@code keep}.
   */
  public String lateSuccess;

  /** The payment's latest dispute ({@code dp_…}), or null: it has never been disputed. */
  public String disputeId;

  /** Minor units refunded so far; never above {@link #amount}. */
  public long refundedTotal;

  // Frozen at completion (FeeCalculator).
  public String feePlan;
  public Integer feeBasisPoints;
  public Long feeFixed;
  public String settlementCurrency;
  public String localCurrency;
  public String statementDescriptor;
  public Long settledAmount;
  public Long fee;
  public Long net;
  public String netCurrency;
  public BigDecimal fxPaymentUnitsPerUsd;
  public BigDecimal fxSettlementUnitsPerUsd;
  public BigDecimal fxLocalUnitsPerUsd;

  public Instant createdAt;
  public Instant updatedAt;
  public Instant completedAt;

  public Money money() {
    return new Money(amount, Currency.getInstance(currency.strip()));
  }

  /**
   * Moves the payment to {@code target} at {@code now} when {@link PaymentStatus#TRANSITIONS}
   * allows it; a duplicate ({@code UNCHANGED}) or late ({@code ILLEGAL}) move leaves it untouched,
   * and the answer says which it was.
   */
  public Move moveTo(PaymentStatus target, Instant now) {
    Move move = PaymentStatus.TRANSITIONS.check(status, target);
    if (move == Move.MOVED) {
      status = target;
      updatedAt = now;
    }
    return move;
  }

  /** Whether the payment is this merchant's in this mode (an event's envelope names both). */
  public boolean belongsTo(String merchantId, Boolean livemode) {
    return this.merchantId.equals(merchantId) && Boolean.valueOf(this.livemode).equals(livemode);
  }

  /** Whether the card network answered a live charge of this payment (its {@code network}). */
  public boolean hasNetworkAnswer() {
    return networkResponseCode != null || networkRrn != null;
  }
}
