package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

/** The merged API reference through the edge: the document, and its page in a real browser. */
class ApiReferenceIT {

  @Test
  void theReferencePageRendersTheMergedDocumentInABrowser() {
    given()
        .get(url("/openapi.yaml"))
        .then()
        .statusCode(200)
        .body(containsString("/v1/payment-links:"))
        .body(containsString("/v1/webhook_endpoints:"));
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.browser.open(url("/docs/"));
      b.heading("Payments platform API reference");
      b.awaitText("/v1/payments/session");
      b.awaitText("/v1/refunds");
      b.awaitText("Webhooks");
      b.screenshot("api-reference");
    }
  }
}
