package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's Disputes page in headless Chromium (docs/disputes.md): an owner saves evidence,
 * submits it after a confirmation and sees the dispute under review; a viewer sees the dispute and
 * its deadline but no button, and the API refuses the viewer's session.
 */
class ConsoleDisputesIT {

  @Test
  void anOwnerSavesEvidenceThenSubmitsItAndSeesTheDisputeUnderReview() {
    ConsoleIT.Account a = ConsoleIT.account("Console Disputes", "owner");
    String paymentId = DisputesEndToEndIT.pay(a.merchant(), DisputesEndToEndIT.DISPUTED_FRAUDULENT);
    String disputeId =
        DisputesEndToEndIT.awaitDispute(a.merchant(), paymentId, "needs_response").getString("id");
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(a.email(), ConsoleIT.PASSWORD);
      b.heading("Home");
      b.link("Disputes").click();
      b.heading("Disputes");
      b.awaitText("days left");
      b.link(disputeId).click();
      b.heading("Dispute");
      b.awaitText("needs_response");
      b.awaitText("dispute_fee");
      // Its timeline: the dispute's own events.
      b.awaitEventuallyReloading("charge.dispute.funds_withdrawn");
      b.screenshot("console-dispute-detail");

      b.field("Product description").sendKeys("A monthly plan, used every day since purchase.");
      b.button("Save evidence").click();
      b.awaitText("Evidence saved");
      b.field("Other evidence").sendKeys("The customer logged in 14 times after the charge.");
      b.button("Submit evidence").click();
      WebElement dialog = b.dialog();
      assertThat(dialog.getText()).contains("cannot be changed afterwards");
      dialog.findElement(By.xpath(".//button[normalize-space()='Submit evidence']")).click();
      b.awaitText("Evidence submitted");
      b.awaitText("under_review");
      assertThat(b.buttons("Save evidence")).isEmpty();
      assertThat(b.buttons("Accept dispute")).allMatch(button -> !button.isDisplayed());
      b.awaitText("The customer logged in 14 times after the charge.");
      b.screenshot("console-dispute-submitted");
    }
    given()
        .header("X-Api-Key", a.merchant().skTest())
        .get(url("/v1/disputes/" + disputeId))
        .then()
        .statusCode(200)
        .body("status", is("under_review"))
        .body("evidence_details.submission_count", is(1))
        .body("evidence.product_description", is("A monthly plan, used every day since purchase."));
  }

  @Test
  void aViewerSeesTheDisputeButCannotAnswerOrAcceptIt() {
    ConsoleIT.Account a = ConsoleIT.account("Console Disputes Viewer", "viewer");
    String paymentId =
        DisputesEndToEndIT.pay(a.merchant(), DisputesEndToEndIT.DISPUTED_NOT_RECEIVED);
    String disputeId =
        DisputesEndToEndIT.awaitDispute(a.merchant(), paymentId, "needs_response").getString("id");
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(a.email(), ConsoleIT.PASSWORD);
      b.heading("Home");
      b.open("#/disputes/" + disputeId);
      b.heading("Dispute");
      b.awaitText("product_not_received");
      b.awaitText("Only team members who may make changes can answer a dispute.");
      assertThat(b.buttons("Save evidence")).isEmpty();
      assertThat(b.buttons("Submit evidence")).isEmpty();
      assertThat(b.buttons("Accept dispute")).isEmpty();

      String cookie = b.cookie();
      String csrf =
          given()
              .cookie("pp_console", cookie)
              .header("X-Console-Mode", "test")
              .get(url("/console/api/session"))
              .then()
              .statusCode(200)
              .extract()
              .path("csrf_token");
      given()
          .cookie("pp_console", cookie)
          .header("X-Console-Mode", "test")
          .header("X-CSRF-Token", csrf)
          .contentType("application/json")
          .body(
              Map.of("evidence", Map.of("uncategorized_text", "winning_evidence"), "submit", true))
          .post(url("/v1/disputes/" + disputeId))
          .then()
          .statusCode(403);
      given()
          .cookie("pp_console", cookie)
          .header("X-Console-Mode", "test")
          .header("X-CSRF-Token", csrf)
          .post(url("/v1/disputes/" + disputeId + "/close"))
          .then()
          .statusCode(403);
    }
    given()
        .header("X-Api-Key", a.merchant().skTest())
        .get(url("/v1/disputes/" + disputeId))
        .then()
        .body("status", is("needs_response"));
  }
}
