package dev.payplatform.events.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event to one endpoint, recorded before its first attempt. The dispatcher leases a due one
 * while it runs an attempt; the outcome moves it on. One attempt at a time: only that attempt's
 * outcome (or its lease running out) ends a lease; a resend meanwhile waits for it.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {
  public static final String ID_PREFIX = "whd";

  @Id public String id;
  public String eventId;
  public String endpointId;
  public String merchantId;
  public boolean livemode;
  public DeliveryStatus status;
  public int attempts;
  public int seriesAttempts;
  public Instant nextAttemptAt;
  public Instant leaseUntil;
  public String leaseToken;
  // A resend asked for while an attempt held the lease: its series starts after that outcome.
  public boolean resendQueued;
  public Instant lastAttemptAt;
  public Integer lastHttpStatus;
  public String lastError;
  public Instant createdAt;
  // The trace of the event (or resend) this delivery belongs to; each attempt is a span of it.
  public String traceparent;

  public static Delivery due(
      String id, String eventId, WebhookEndpoint endpoint, Instant now, String traceparent) {
    Delivery d = new Delivery();
    d.traceparent = traceparent;
    d.id = id;
    d.eventId = eventId;
    d.endpointId = endpoint.id;
    d.merchantId = endpoint.merchantId;
    d.livemode = endpoint.livemode;
    d.status = DeliveryStatus.PENDING;
    d.nextAttemptAt = now;
    d.createdAt = now;
    return d;
  }

  /** Delivered (a 2xx). */
  public void succeeded() {
    status = DeliveryStatus.TRANSITIONS.move(id, status, DeliveryStatus.SUCCEEDED);
    nextAttemptAt = null;
    release();
  }

  /** Another attempt at {@code next}. */
  public void retryAt(Instant next) {
    status = DeliveryStatus.TRANSITIONS.move(id, status, DeliveryStatus.PENDING);
    nextAttemptAt = next;
    release();
  }

  /** No more attempts: the last failed, or the endpoint is disabled. */
  public void failed(String reason) {
    status = DeliveryStatus.TRANSITIONS.move(id, status, DeliveryStatus.FAILED);
    nextAttemptAt = null;
    release();
    if (reason != null) {
      lastError = reason;
    }
  }

  /**
   * A resend: a new series of attempts, the first now. While an attempt holds the delivery the
   * resend is queued instead, never cancelling it: that attempt runs to its end and records its
   * outcome, then the series starts ({@link #startQueuedResend}). Resends queued behind one attempt
   * are one resend.
   */
  public void resend(Instant now) {
    if (leaseToken != null) {
      resendQueued = true;
      return;
    }
    newSeries(now);
  }

  /** After an attempt's outcome: a resend queued while it ran starts its series now. */
  public boolean startQueuedResend(Instant now) {
    if (!resendQueued) {
      return false;
    }
    newSeries(now);
    return true;
  }

  /** A queued resend that will not run: the attempt's endpoint is disabled now. */
  public void dropQueuedResend() {
    resendQueued = false;
  }

  private void newSeries(Instant now) {
    status = DeliveryStatus.TRANSITIONS.move(id, status, DeliveryStatus.PENDING);
    seriesAttempts = 0;
    nextAttemptAt = now;
    resendQueued = false;
  }

  /** Whether the dispatcher that leased it under {@code token} still holds it. */
  public boolean heldBy(String token) {
    return status == DeliveryStatus.PENDING && token != null && token.equals(leaseToken);
  }

  private void release() {
    leaseUntil = null;
    leaseToken = null;
  }

  public void attempted(Instant at, Integer httpStatus, String error) {
    attempts++;
    seriesAttempts++;
    lastAttemptAt = at;
    lastHttpStatus = httpStatus;
    lastError = error;
  }
}
