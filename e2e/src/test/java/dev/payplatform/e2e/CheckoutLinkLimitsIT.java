package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.response.Response;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hosted payment's description, items and return URL are signed into its checkout link. Every
 * link the API hands out opens through the edge, up to the longest one; a payment whose link could
 * not open is refused with a 422 that says why, before anything is stored.
 */
class CheckoutLinkLimitsIT {

  private static Response create(
      Platform.Merchant m, String description, List<String> items, String returnUrl) {
    return given()
        .header("X-Api-Key", m.skTest())
        .contentType("application/json")
        .body(
            Map.of(
                "amount",
                "10.00",
                "currency",
                "USD",
                "description",
                description,
                "items",
                items,
                "return_url",
                returnUrl))
        .post(url("/v1/payments/"));
  }

  private static String returnUrl(int length) {
    String base = "https://shop.example.com/thanks?ref=";
    return base + "r".repeat(Math.max(0, length - base.length()));
  }

  @Test
  void theLongestAcceptedLinkOpensThroughTheEdgeAndLongerOnesAre422() {
    Platform.Merchant m = Platform.newMerchant("Link Limits");
    String description = "d".repeat(1000);
    List<String> items = Collections.nCopies(3, "i".repeat(250));

    // The longest return_url (at most the documented 2048) still accepted with these fields.
    int low = 40;
    int high = 2048;
    Response longest = null;
    while (low <= high) {
      int mid = (low + high) / 2;
      Response r = create(m, description, items, returnUrl(mid));
      if (r.statusCode() == 202) {
        longest = r;
        low = mid + 1;
      } else {
        assertThat(r.statusCode()).as("return_url of %d: %s", mid, r.asString()).isEqualTo(422);
        high = mid - 1;
      }
    }
    assertThat(longest)
        .as("a payment with these fields and a short return_url is accepted")
        .isNotNull();

    URI link = URI.create(longest.path("data.redirect"));
    given()
        .get(url(link.getRawPath() + "?" + link.getRawQuery()))
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"));
    given()
        .contentType("application/json")
        .post(url(link.getRawPath() + "/intent?" + link.getRawQuery()))
        .then()
        .statusCode(201);

    // Every documented field at its maximum: refused, with the reason, and nothing stored.
    int before = paymentCount(m);
    create(m, description, Collections.nCopies(100, "i".repeat(250)), returnUrl(2048))
        .then()
        .statusCode(422)
        .body("detail.loc", hasItem(List.of("body")))
        .body("detail[0].msg", containsString("too long together for a checkout link"));
    int after = paymentCount(m);
    assertThat(after).as("no payment stored for the refused request").isEqualTo(before);
  }

  /** The merchant's payments (a merchant of this test only: fewer than a page of 100). */
  private static int paymentCount(Platform.Merchant m) {
    return given()
        .header("X-Api-Key", m.skTest())
        .get(url("/v1/payments/?limit=100"))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$")
        .size();
  }
}
