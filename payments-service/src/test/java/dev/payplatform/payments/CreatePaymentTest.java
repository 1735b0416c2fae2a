package dev.payplatform.payments;

import static dev.payplatform.payments.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.commons.checkout.CheckoutTokens;
import dev.payplatform.commons.checkout.InvalidCheckoutTokenException;
import dev.payplatform.commons.events.CloudEventHeaders;
import dev.payplatform.commons.testing.EventSchemas;
import dev.payplatform.commons.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** POST /v1/payments/: the documented 202, the signed checkout token, the stored payment. */
@QuarkusTest
class CreatePaymentTest {
  @Inject CheckoutTokens tokens;

  @Test
  void answersTheDocumented202WithItsKeysInOrder() {
    String merchant = Api.newMerchant();
    String raw =
        as(merchant, "test")
            .body(Api.body("49.99", "USD"))
            .post("/v1/payments/")
            .then()
            .statusCode(202)
            .contentType("application/json")
            .body("code", is(202))
            .body("title", is("Action required"))
            .body("content", is("Show the checkout page to complete payment."))
            .body("data.id_payment", matchesPattern("^pay_[A-Za-z0-9_-]{22}$"))
            .extract()
            .asString();
    JsonNode body = Api.read(raw);
    assertThat(fieldNames(body)).containsExactly("code", "title", "content", "data");
    assertThat(fieldNames(body.get("data"))).containsExactly("id_payment", "redirect");
    assertThat(raw)
        .startsWith(
            "{\"code\":202,\"title\":\"Action required\",\"content\":\"Show the checkout page to"
                + " complete payment.\",\"data\":{\"id_payment\":\"");
  }

  @Test
  void theRedirectCarriesATokenThatVerifiesAndBindsAmountMerchantAndMode() {
    String merchant = Api.newMerchant();
    JsonNode data =
        Api.read(
                as(merchant, "test")
                    .body(
                        Map.of(
                            "amount", "500.00",
                            "description", "Premium subscription payment",
                            "currency", "usd",
                            "items", List.of("Premium Plan - Monthly"),
                            "return_url", "https://example.com/payment-result"))
                    .post("/v1/payments/")
                    .then()
                    .statusCode(202)
                    .extract()
                    .asString())
            .get("data");
    String id = data.get("id_payment").asText();
    URI redirect = URI.create(data.get("redirect").asText());
    assertThat(redirect.getScheme() + "://" + redirect.getAuthority())
        .isEqualTo("http://127.0.0.1:8080");
    assertThat(redirect.getPath()).isEqualTo("/checkout/pay/" + id);
    assertThat(redirect.getRawQuery()).startsWith("data=");
    String token = redirect.getRawQuery().substring("data=".length());
    // URL-safe as it is: nothing a browser or the edge would re-encode.
    assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    CheckoutClaims claims = tokens.verify(token);
    assertThat(claims.purpose()).isEqualTo("payment");
    assertThat(claims.reference()).isEqualTo(id);
    assertThat(claims.paymentId()).isEqualTo(id);
    assertThat(claims.merchantId()).isEqualTo(merchant);
    assertThat(claims.livemode()).isFalse();
    assertThat(claims.merchantName()).isEqualTo("Store " + merchant);
    assertThat(claims.gatewayAccountId())
        .as("the merchant's gateway account from the edge's token: live charges go through it")
        .isEqualTo("acct_test");
    assertThat(claims.amountMinor()).isEqualTo(50000);
    assertThat(claims.currency()).isEqualTo("USD");
    assertThat(claims.description()).isEqualTo("Premium subscription payment");
    assertThat(claims.items()).containsExactly("Premium Plan - Monthly");
    assertThat(claims.returnUrl()).isEqualTo("https://example.com/payment-result");
    assertThat(claims.customerId()).isNull();
    assertThat(claims.expiresAt())
        .isAfter(Instant.now().plus(Duration.ofHours(23)))
        .isBefore(Instant.now().plus(Duration.ofHours(25)));
  }

  @Test
  void aTamperedTokenFailsVerification() {
    String merchant = Api.newMerchant();
    String redirect =
        as(merchant, "live")
            .body(Api.body("10.00", "USD"))
            .post("/v1/payments/")
            .then()
            .statusCode(202)
            .extract()
            .path("data.redirect");
    String token = redirect.substring(redirect.indexOf("?data=") + 6);
    assertThat(tokens.verify(token).livemode()).isTrue();

    // Lower the amount in the payload and keep the signature: the signature no longer matches.
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(payload).contains("\"amount\":1000");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("\"amount\":1000", "\"amount\":1").getBytes())
            + "."
            + parts[2];
    assertThatThrownBy(() -> tokens.verify(forged))
        .isInstanceOf(InvalidCheckoutTokenException.class);
    assertThatThrownBy(() -> tokens.verify(token.substring(0, token.length() - 2) + "AA"))
        .isInstanceOf(InvalidCheckoutTokenException.class);
  }

  @Test
  void storesThePaymentPendingAndEmitsPaymentCreated() {
    String merchant = Api.newMerchant();
    String id = Api.createPayment(merchant, "test", "1000", "JPY");
    Api.getPayment(merchant, "test", id);
    as(merchant, "test")
        .get("/v1/payments/" + id)
        .then()
        .statusCode(200)
        .body("status", is("pending"))
        .body("amount", is("1000"))
        .body("currency", is("JPY"))
        .body("payment_method", is("card"))
        .body("card_last4", nullValue())
        .body("card_brand", nullValue())
        .body("customer_email", nullValue())
        .body("test", is(true));
    Map<String, Object> row =
        Db.row(
            "select amount, currency, status, livemode, merchant_id from payment where id = ?", id);
    assertThat(row)
        .containsEntry("amount", 1000L)
        .containsEntry("currency", "JPY")
        .containsEntry("status", "pending")
        .containsEntry("livemode", false)
        .containsEntry("merchant_id", merchant);

    try (TopicReader reader = new TopicReader(Api.PAYMENTS_TOPIC)) {
      ConsumerRecord<String, String> r =
          reader.await(
              rec ->
                  id.equals(rec.key())
                      && "payment.created".equals(TopicReader.header(rec, CloudEventHeaders.TYPE)),
              Api.EVENTUALLY);
      assertThat(TopicReader.header(r, CloudEventHeaders.MERCHANT_ID)).isEqualTo(merchant);
      assertThat(TopicReader.header(r, CloudEventHeaders.LIVEMODE)).isEqualTo("false");
      JsonNode event = Api.read(r.value());
      assertThat(EventSchemas.violations("payments", "payment.created", event)).isEmpty();
      assertThat(event.get("amount").asLong()).isEqualTo(1000);
      assertThat(event.get("amount_decimal").asText()).isEqualTo("1000");
      assertThat(event.get("status").asText()).isEqualTo("pending");
      assertThat(event.get("purpose").asText()).isEqualTo("payment");
      assertThat(event.get("reference").asText()).isEqualTo(id);
    }
  }

  @Test
  void theDocumentedPathWithAndWithoutTheTrailingSlashBothCreate() {
    String merchant = Api.newMerchant();
    as(merchant, "test")
        .body(Api.body("1.00", "USD"))
        .post("/v1/payments")
        .then()
        .statusCode(202)
        .body("code", is(202));
    as(merchant, "test").get("/v1/payments").then().statusCode(200).header("X-Total-Count", "1");
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
