package dev.payplatform.commons.events;

/** CloudEvents 1.0 Kafka binary-mode header names (docs/events/). */
public final class CloudEventHeaders {
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String ID = "ce_id";
  public static final String TYPE = "ce_type";
  public static final String SOURCE = "ce_source";
  public static final String SUBJECT = "ce_subject";
  public static final String TIME = "ce_time";
  public static final String MERCHANT_ID = "ce_merchantid";
  public static final String LIVEMODE = "ce_livemode";
  public static final String REQUEST_ID = "ce_requestid";
  public static final String CONTENT_TYPE = "content-type";

  private CloudEventHeaders() {}
}
