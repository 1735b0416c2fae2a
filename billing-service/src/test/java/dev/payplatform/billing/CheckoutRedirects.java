package dev.payplatform.billing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.commons.checkout.CheckoutTokens;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Visits a buyer page as a browser would and reads where it was sent. */
final class CheckoutRedirects {
  static final String CHECKOUT_BASE = "http://127.0.0.1:8080/checkout/pay/";
  private static final CheckoutTokens TOKENS =
      new CheckoutTokens(
          Optional.of("test-only-checkout-token-secret-0123456789abcdef"), Optional.empty());

  private CheckoutRedirects() {}

  /** Where {@code GET /link/{id}} redirected and what the signed token says. */
  record Redirect(String paymentId, CheckoutClaims claims, Response response) {}

  static Redirect visit(String id) {
    Response r = given().redirects().follow(false).get("/link/" + id);
    assertThat(r.statusCode()).as("303 See Other to checkout").isEqualTo(303);
    assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    String location = r.header("Location");
    assertThat(location).startsWith(CHECKOUT_BASE);
    URI uri = URI.create(location);
    String paymentId = uri.getPath().substring("/checkout/pay/".length());
    assertThat(paymentId).matches("pay_[A-Za-z0-9_-]{22}");
    String query = uri.getRawQuery();
    assertThat(query).startsWith("data=");
    String token = URLDecoder.decode(query.substring("data=".length()), StandardCharsets.UTF_8);
    CheckoutClaims claims = TOKENS.verify(token);
    assertThat(claims.paymentId()).isEqualTo(paymentId);
    return new Redirect(paymentId, claims, r);
  }

  /** A buyer page that is no longer payable: a 410 HTML page. */
  static void visitGone(String id) {
    Response r = given().redirects().follow(false).get("/link/" + id);
    assertThat(r.statusCode()).isEqualTo(410);
    assertThat(r.contentType()).startsWith("text/html");
    assertThat(r.header("Location")).isNull();
  }
}
