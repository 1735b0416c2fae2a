package dev.payplatform.billing.service.subscriptions;

import dev.payplatform.billing.domain.Invoice;
import dev.payplatform.billing.domain.Subscription;

/** A subscription with its latest invoice, as the API shows them together. */
public record SubscriptionWithInvoice(Subscription subscription, Invoice latestInvoice) {}
