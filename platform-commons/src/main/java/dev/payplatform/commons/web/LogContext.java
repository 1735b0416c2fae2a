package dev.payplatform.commons.web;

import org.jboss.logging.MDC;

/**
 * Who a log line is about: besides the request id ({@link RequestIds#MDC_KEY}), the merchant and
 * the mode, so an operator can find one merchant's lines in the JSON logs (docs/operations.md,
 * "Logs"). Never a key, token or secret: only these ids.
 */
public final class LogContext {
  public static final String MERCHANT_ID = "merchantId";
  public static final String MODE = "mode";

  private LogContext() {}

  public static void merchant(String merchantId, String mode) {
    if (merchantId != null) {
      MDC.put(MERCHANT_ID, merchantId);
    }
    if (mode != null) {
      MDC.put(MODE, mode);
    }
  }
}
