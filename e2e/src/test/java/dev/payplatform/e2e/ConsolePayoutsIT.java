package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's Payouts page in headless Chromium (docs/payouts.md): an owner sets the bank
 * account, keeps the manual schedule, is told that the new account holds payouts, pays out by hand
 * once the payout clock has passed the hold, finds the payout in the list and watches its page
 * until the local bank has paid it; a viewer sees the settings and payouts and no form, and the API
 * refuses the viewer's session.
 */
class ConsolePayoutsIT {
  private static final String IBAN = "DE89370400440532013000";
  // 49.99 at 2.9 % + 30 cents.
  private static final long NET = 4824;
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void anOwnerSetsTheBankAccountPaysOutByHandAndSeesThePayoutPaid() {
    ConsoleIT.Account a = ConsoleIT.account("Console Payouts", "owner");
    Platform.Merchant m = a.merchant();
    DisputesEndToEndIT.pay(m, Cards.VISA);
    DisputesEndToEndIT.awaitAvailable(m, NET);
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(a.email(), ConsoleIT.PASSWORD);
      b.heading("Home");
      b.link("Payouts").click();
      b.heading("Payouts");
      b.awaitText("No bank account yet");
      b.awaitText("$48.24");
      assertThat(new Select(b.field("Interval")).getFirstSelectedOption().getText())
          .isEqualTo("manual");

      b.field("Account holder name").sendKeys("Console Payouts GmbH");
      b.field("IBAN").sendKeys(IBAN);
      b.button("Save bank account").click();
      b.awaitText("Bank account •••• 3000 saved");
      b.awaitText("Payouts held until");
      b.awaitText("holds payouts for 24 hours");
      assertThat(b.pageText()).doesNotContain(IBAN);
      // The schedule stays manual: Pay out now is there, and the new account holds it.
      b.field("Amount").sendKeys("10.00");
      b.button("Pay out").click();
      b.awaitText("payouts to the new bank account are held until");

      // 24 hours and more pass on the merchant's payout clock.
      as(m.skTest())
          .body(Map.of("seconds", 90000))
          .post(url("/v1/payout_settings/test_clock/advance"))
          .then()
          .statusCode(200)
          .body("payouts_held_until", equalTo(null));
      b.browser.driver.navigate().refresh();
      b.heading("Payouts");
      b.awaitText("•••• 3000");
      assertThat(b.pageText()).doesNotContain("Payouts held until");

      // More than the available balance: the API's 422, next to the amount.
      b.field("Amount").sendKeys("100.00");
      b.button("Pay out").click();
      WebElement amountError =
          b.browser.waitFor(
              d ->
                  d.findElements(By.xpath("//p[@role='alert' and contains(., 'exceeds')]")).stream()
                      .filter(WebElement::isDisplayed)
                      .findFirst()
                      .orElse(null));
      assertThat(amountError.getText()).contains("exceeds the available balance of 4824 USD");
      assertThat(b.field("Amount").getAttribute("aria-invalid")).isEqualTo("true");

      b.field("Amount").clear();
      b.field("Amount").sendKeys("10.00");
      b.button("Pay out").click();
      b.awaitText("of $10.00 created");
      String payoutId =
          as(m.skTest())
              .get(url("/v1/payouts"))
              .then()
              .statusCode(200)
              .body("total_items", is(1))
              .body("items[0].amount", is(1000))
              .body("items[0].automatic", is(false))
              .extract()
              .path("items[0].id");
      b.awaitText("Payout " + payoutId);
      b.screenshot("console-payouts");

      // Its page follows it until the local bank has booked it.
      b.link(payoutId).click();
      b.heading("Payout");
      b.awaitText("$10.00");
      b.awaitText("Manual payouts are not itemized");
      b.browser.waitFor(
          d ->
              d.findElements(By.xpath("//dd/span[normalize-space()='paid']")).isEmpty()
                  ? null
                  : true,
          WAIT);
      assertThat(b.buttons("Cancel payout")).allMatch(button -> !button.isDisplayed());
      b.screenshot("console-payout-detail");
    }
    as(m.skTest())
        .get(url("/v1/payouts"))
        .then()
        .body("items[0].status", is("paid"))
        .body("items[0].amount", is(1000));
    DisputesEndToEndIT.awaitAvailable(m, NET - 1000);
  }

  @Test
  void aViewerSeesPayoutsAndSettingsButNoFormAndCannotWrite() {
    ConsoleIT.Account a = ConsoleIT.account("Console Payouts Viewer", "viewer");
    Platform.Merchant m = a.merchant();
    as(m.skTest())
        .body(
            Map.of(
                "schedule",
                Map.of("interval", "manual"),
                "external_account",
                Map.of("account_holder_name", "Viewer Store Ltd", "iban", IBAN)))
        .post(url("/v1/payout_settings"))
        .then()
        .statusCode(200);
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(a.email(), ConsoleIT.PASSWORD);
      b.heading("Home");
      b.link("Payouts").click();
      b.heading("Payouts");
      b.awaitText("•••• 3000");
      b.awaitText("Manual (you pay out when you choose)");
      b.awaitText("No payouts yet.");
      b.awaitText("Only team members who may make changes can change payout settings or pay out.");
      for (String button :
          List.of("Pay out", "Save schedule", "Change bank account", "Save bank account")) {
        assertThat(b.buttons(button)).as(button).isEmpty();
      }
      assertThat(b.pageText()).doesNotContain("Account holder name");

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
      for (var write :
          Map.of(
                  "/v1/payout_settings",
                  Map.of("schedule", Map.of("interval", "daily")),
                  "/v1/payouts",
                  Map.of("amount", 100, "currency", "USD"))
              .entrySet()) {
        given()
            .cookie("pp_console", cookie)
            .header("X-Console-Mode", "test")
            .header("X-CSRF-Token", csrf)
            .contentType("application/json")
            .body(write.getValue())
            .post(url(write.getKey()))
            .then()
            .statusCode(403);
      }
    }
    as(m.skTest()).get(url("/v1/payout_settings")).then().body("schedule.interval", is("manual"));
  }

  private static RequestSpecification as(String key) {
    return given().header("X-Api-Key", key).contentType("application/json");
  }
}
