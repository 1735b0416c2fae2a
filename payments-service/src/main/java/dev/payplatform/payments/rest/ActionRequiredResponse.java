package dev.payplatform.payments.rest;

/**
 * The documented 202 of POST /v1/payments: {@code {"code":202,"title":…,"content":…,"data":{…}}}.
 */
public record ActionRequiredResponse(
    int code, String title, String content, CheckoutRedirectResponse data) {

  public static ActionRequiredResponse redirect(String paymentId, String redirect) {
    return new ActionRequiredResponse(
        202,
        "Action required",
        "Show the checkout page to complete payment.",
        new CheckoutRedirectResponse(paymentId, redirect));
  }
}
