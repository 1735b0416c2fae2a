package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in headless Chromium through the edge, as merchants use it: sign in, payments and
 * their timeline, a refund, keys, webhooks, roles, CSRF, isolation, sign-out and lockout. Each main
 * page is kept as a screenshot in {@code e2e/target/screenshots/}.
 */
class ConsoleIT {
  static final String PASSWORD = "a long console password 42";

  /** A merchant with a console user of this role, made through the operator API. */
  record Account(Platform.Merchant merchant, String email) {}

  static Account account(String name, String role) {
    Platform.Merchant m = Platform.newMerchant(name);
    String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    given()
        .header("Authorization", "Bearer " + Platform.env().adminToken())
        .contentType("application/json")
        .body(Map.of("email", email, "role", role, "password", PASSWORD))
        .post(url("/admin/merchants/" + m.id() + "/users"))
        .then()
        .statusCode(201);
    return new Account(m, email);
  }

  /** A service held with SIGSTOP (alive, answering nothing) until closed with SIGCONT. */
  record Paused(String pid) implements AutoCloseable {
    static Paused service(String name) throws Exception {
      Paused p =
          new Paused(Files.readString(Platform.STATE.resolve("run/" + name + ".pid")).strip());
      p.signal("-STOP");
      return p;
    }

    @Override
    public void close() throws Exception {
      signal("-CONT");
    }

    private void signal(String signal) throws Exception {
      int rc = new ProcessBuilder("kill", signal, pid).inheritIO().start().waitFor();
      assertThat(rc).as("kill %s %s", signal, pid).isZero();
    }
  }

  static String paidPayment(Platform.Merchant m, String amount) {
    String session = Cards.session(m, amount, "https://example.com/done");
    Cards.payThroughApi(session, Cards.VISA).then().statusCode(200);
    return RefundsEndToEndIT.findPaymentOfSession(m, session);
  }

  @Test
  void theDemoOwnerSignsInWithThePrintedLoginAndSeesTheDemoMerchantsPayments() {
    Platform.Env env = Platform.env();
    assertThat(env.consoleUrl()).isEqualTo(env.url() + "/console/");
    String paymentId =
        given()
            .header("X-Api-Key", env.skTest())
            .contentType("application/json")
            .body(
                Map.of(
                    "amount", "49.99",
                    "description", "Monthly plan",
                    "currency", "USD",
                    "items", java.util.List.of("Monthly Subscription"),
                    "return_url", "https://example.com/thank-you"))
            .post(url("/v1/payments/"))
            .then()
            .statusCode(202)
            .extract()
            .path("data.id_payment");
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      // Password managers and assistive tools find the sign-in fields by their standard names.
      b.open("");
      b.heading("Sign in");
      assertThat(b.field("Email").getAttribute("autocomplete")).isEqualTo("username");
      assertThat(b.field("Password").getAttribute("autocomplete")).isEqualTo("current-password");
      b.signIn(env.consoleEmail(), env.consolePassword());
      b.heading("Home");
      b.labelled("Payment volume per day, last 30 days");
      b.awaitText(paymentId);
      b.screenshot("console-home");
      b.link("Payments").click();
      b.heading("Payments");
      b.awaitText(paymentId);
      b.screenshot("console-payments");
      b.link("Events").click();
      b.heading("Events");
      b.awaitEventuallyReloading("payment.created");
      b.screenshot("console-events");
    }
  }

  @Test
  void anOwnerSeesTheTimelineAndPayloadThenRefundsFiveAndTheRefundAndStatusChangeAppear()
      throws Exception {
    Account a = account("Console Refunds", "owner");
    String paymentId = paidPayment(a.merchant(), "20.00");
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(a.email(), PASSWORD);
      b.heading("Home");
      b.open("#/payments/" + paymentId);
      b.heading("Payment");
      b.awaitText(paymentId);
      b.awaitEventuallyReloading("payment.succeeded");
      b.awaitText("Fee");
      b.buttons("View payload").get(0).click();
      b.browser.waitFor(d -> b.labelled("Payload").getText().contains(paymentId) ? true : null);
      b.screenshot("console-payment-detail");

      b.button("Refund").click();
      b.dialog();
      b.field("Amount").clear();
      b.field("Amount").sendKeys("5.00");
      new Select(b.field("Reason")).selectByValue("requested_by_customer");
      // The event log falls 35 s behind, as under load: the page keeps polling, so refund.created
      // still appears without a reload once the log catches up.
      try (Paused lagging = Paused.service("events-service")) {
        b.button("Confirm refund").click();
        b.awaitText("Refund created");
        b.awaitEventually("partially_refunded");
        Thread.sleep(35_000);
      }
      b.awaitEventually("refund.created");
      b.screenshot("console-payment-refunded");
    }
    given()
        .header("X-Api-Key", a.merchant().skTest())
        .get(url("/v1/payments/" + paymentId))
        .then()
        .statusCode(200)
        .body("status", is("partially_refunded"));
  }

  @Test
  void anOwnerRollsTheTestKeyWithNoGraceAndOnlyTheNewKeyWorks() {
    Account a = account("Console Keys", "owner");
    String newKey;
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(a.email(), PASSWORD);
      b.heading("Home");
      b.link("Developers").click();
      b.heading("Developers");
      String last4 = a.merchant().skTest().substring(a.merchant().skTest().length() - 4);
      b.awaitText(last4);
      assertThat(b.pageText()).doesNotContain(a.merchant().skTest());
      b.button("Roll").click();
      b.dialog();
      b.field("Grace period (hours)").clear();
      b.field("Grace period (hours)").sendKeys("0");
      b.button("Roll key").click();
      newKey =
          b.browser.waitFor(
              d -> {
                var out = b.labelled("New secret key");
                String v =
                    out.getTagName().equals("input") ? out.getAttribute("value") : out.getText();
                return v != null && v.startsWith("sk_test_") ? v.strip() : null;
              });
      b.awaitText("This key is shown only once.");
      b.screenshot("console-developers-keys");
    }
    given()
        .header("X-Api-Key", a.merchant().skTest())
        .get(url("/v1/customers"))
        .then()
        .statusCode(401);
    given().header("X-Api-Key", newKey).get(url("/v1/customers")).then().statusCode(200);
  }

  @Test
  void aWebhookEndpointMadeInTheConsoleReceivesATestEventShownInItsDeliveryLog() {
    Account a = account("Console Webhooks", "developer");
    try (WebhookReceiver receiver = new WebhookReceiver();
        ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(a.email(), PASSWORD);
      b.heading("Home");
      b.open("#/developers");
      b.heading("Developers");
      b.button("Add endpoint").click();
      b.field("URL").sendKeys(receiver.url());
      b.field("Description").sendKeys("Console test receiver");
      b.button("Create endpoint").click();
      b.awaitText("whsec_");
      b.link(receiver.url()).click();
      b.button("Send test event").click();
      await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());
      assertThat(receiver.received().get(0).body()).contains("webhook.test");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                b.button("Refresh").click();
                assertThat(b.pageText()).contains("webhook.test").contains("200");
              });
      b.screenshot("console-webhook-endpoint");
    }
  }

  @Test
  void aViewerInvitedByTheOwnerSeesPaymentsButNoRefundButtonAndTheApiRefusesAForcedRefund() {
    Account a = account("Console Team", "owner");
    String paymentId = paidPayment(a.merchant(), "12.00");
    String viewerEmail = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String signupUrl;
    try (ConsoleBrowser owner = new ConsoleBrowser()) {
      owner.signIn(a.email(), PASSWORD);
      owner.heading("Home");
      owner.link("Team").click();
      owner.heading("Team");
      owner.field("Email").sendKeys(viewerEmail);
      new Select(owner.field("Role")).selectByValue("viewer");
      owner.button("Send invite").click();
      owner.awaitText("/console/#/signup?token=");
      owner.screenshot("console-team");
      signupUrl = owner.labelled("Sign-up link").getText().strip();
      assertThat(signupUrl).startsWith(Platform.env().url() + "/console/#/signup?token=");
    }
    try (ConsoleBrowser viewer = new ConsoleBrowser()) {
      viewer.browser.open(signupUrl);
      viewer.heading("Create your account");
      viewer.field("Password").sendKeys("viewer password 1234");
      viewer.button("Create account").click();
      viewer.heading("Home");
      viewer.open("#/payments/" + paymentId);
      viewer.heading("Payment");
      viewer.awaitEventuallyReloading("payment.succeeded");
      assertThat(viewer.buttons("Refund")).isEmpty();

      String cookie = viewer.cookie();
      String csrf =
          given()
              .cookie("pp_console", cookie)
              .header("X-Console-Mode", "test")
              .get(url("/console/api/session"))
              .then()
              .statusCode(200)
              .body("user.role", is("viewer"))
              .extract()
              .path("csrf_token");
      given()
          .cookie("pp_console", cookie)
          .header("X-Console-Mode", "test")
          .header("X-CSRF-Token", csrf)
          .contentType("application/json")
          .body(Map.of("payment_id", paymentId, "amount", 100))
          .post(url("/v1/refunds"))
          .then()
          .statusCode(403);
    }
  }

  @Test
  void aPostWithTheCookieButNoCsrfTokenIs403AndAnotherMerchantsUserSeesNoneOfIt() {
    Account owner = account("Console Isolation A", "owner");
    Account stranger = account("Console Isolation B", "owner");
    String paymentId = paidPayment(owner.merchant(), "8.00");
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(owner.email(), PASSWORD);
      b.heading("Home");
      String cookie = b.cookie();
      assertThat(cookie).isNotBlank();
      given()
          .cookie("pp_console", cookie)
          .header("X-Console-Mode", "test")
          .contentType("application/json")
          .body(Map.of("payment_id", paymentId, "amount", 100))
          .post(url("/v1/refunds"))
          .then()
          .statusCode(403);
    }
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(stranger.email(), PASSWORD);
      b.heading("Home");
      b.link("Payments").click();
      b.heading("Payments");
      assertThat(b.pageText()).doesNotContain(paymentId);
      b.open("#/payments/" + paymentId);
      b.role("alert");
      assertThat(b.pageText()).doesNotContain("payment.succeeded");
      given()
          .cookie("pp_console", b.cookie())
          .header("X-Console-Mode", "test")
          .get(url("/v1/payments/" + paymentId))
          .then()
          .statusCode(404);
    }
  }

  @Test
  void signingOutKillsTheSessionAndFiveWrongPasswordsLockTheLogin() {
    Account a = account("Console Sessions", "owner");
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(a.email(), PASSWORD);
      b.heading("Home");
      String cookie = b.cookie();
      given()
          .cookie("pp_console", cookie)
          .header("X-Console-Mode", "test")
          .get(url("/v1/payments"))
          .then()
          .statusCode(200);
      b.button("Log out").click();
      b.heading("Sign in");
      given()
          .cookie("pp_console", cookie)
          .header("X-Console-Mode", "test")
          .get(url("/v1/payments"))
          .then()
          .statusCode(401);

      for (int i = 0; i < 5; i++) {
        b.field("Email").clear();
        b.field("Email").sendKeys(a.email());
        b.field("Password").clear();
        b.field("Password").sendKeys("wrong password " + i, Keys.ENTER);
        b.awaitText("Wrong email or password.");
        b.browser.driver.navigate().refresh();
        b.heading("Sign in");
      }
      b.field("Email").sendKeys(a.email());
      b.field("Password").sendKeys(PASSWORD);
      b.button("Sign in").click();
      b.awaitText("locked");
      b.screenshot("console-locked");
    }
  }

  @Test
  void aDeveloperCreatesAProductAPlanAndAPaymentLinkAndLiveModeShowsNoneOfTheTestData() {
    Account a = account("Console Catalog", "developer");
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(a.email(), PASSWORD);
      b.heading("Home");
      b.link("Products").click();
      b.heading("Products");
      b.field("Name").sendKeys("Console Gold");
      b.field("Description").sendKeys("Made in the console");
      b.button("Create product").click();
      b.awaitText("Product created: prod_");
      b.awaitText("Console Gold");
      b.screenshot("console-products");

      b.link("Plans").click();
      b.heading("Plans");
      b.browser.waitFor(
          d ->
              new Select(b.field("Product"))
                      .getOptions().stream().anyMatch(o -> o.getText().startsWith("Console Gold"))
                  ? true
                  : null);
      Select product = new Select(b.field("Product"));
      product.getOptions().stream()
          .filter(o -> o.getText().startsWith("Console Gold"))
          .findFirst()
          .orElseThrow()
          .click();
      b.field("Amount").sendKeys("19.99");
      b.button("Create plan").click();
      b.awaitText("Plan created: plan_");

      b.link("Payment links").click();
      b.heading("Payment links");
      b.field("Amount").sendKeys("25.00");
      b.field("Description").sendKeys("Console link");
      b.button("Create payment link").click();
      b.awaitText("Payment link created: ");
      b.screenshot("console-payment-links");
    }
    String linkId =
        given()
            .header("X-Api-Key", a.merchant().skTest())
            .get(url("/v1/payment-links"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("items[0].id");
    JsonPath link =
        given()
            .header("X-Api-Key", a.merchant().skTest())
            .get(url("/v1/payment-links/" + linkId))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(link.getString("description")).isEqualTo("Console link");
    assertThat(link.getLong("amount")).isEqualTo(2500);
    given()
        .header("X-Api-Key", a.merchant().skTest())
        .get(url("/v1/plans"))
        .then()
        .statusCode(200)
        .body("items[0].amount", is(1999));

    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(a.email(), PASSWORD);
      b.heading("Home");
      b.link("Products").click();
      b.awaitText("Console Gold");
      new Select(b.field("Mode")).selectByValue("live");
      b.awaitText("Switched to live mode.");
      b.link("Products").click();
      b.heading("Products");
      b.awaitText("No products yet.");
      assertThat(b.pageText()).doesNotContain("Console Gold");
    }
  }

  /** The code an authenticator app shows for this secret at this time (RFC 6238). */
  static String totp(String secret, Instant at) throws Exception {
    return new TimeBasedOneTimePasswordGenerator()
        .generateOneTimePasswordString(
            new SecretKeySpec(new Base32().decode(secret), "RAW"), at, Locale.ROOT);
  }

  /** The text of the Activity table's row for this action. */
  static String activityRow(ConsoleBrowser b, String action) {
    return b.browser.waitFor(
        d -> {
          for (WebElement row :
              d.findElements(By.xpath("//tr[td[normalize-space()=" + quoted(action) + "]]"))) {
            return row.getText();
          }
          return null;
        });
  }

  private static String quoted(String s) {
    return "'" + s + "'";
  }

  @Test
  void anOwnerEnrolsAnAuthenticatorSignsInWithItsCodeRefundsAndFindsAllOfItInActivity()
      throws Exception {
    Account a = account("Console Two-Factor", "owner");
    String paymentId = paidPayment(a.merchant(), "15.00");
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(a.email(), PASSWORD);
      b.heading("Home");
      b.link("Security").click();
      b.heading("Security");
      b.button("Set up an authenticator app").click();
      // The test is the authenticator app: it reads the secret the page shows for typing in.
      String secret = b.field("Secret key").getText().strip();
      assertThat(secret).matches("[A-Z2-7]{32}");
      assertThat(
              b.browser
                  .driver
                  .findElement(By.cssSelector("img[alt='QR code for your authenticator app']"))
                  .getAttribute("src"))
          .startsWith("data:image/svg+xml;base64,");
      Instant confirmedAt = Instant.now();
      b.field("Authentication code").sendKeys(totp(secret, confirmedAt));
      b.button("Turn on two-factor sign-in").click();
      b.awaitText("Two-factor sign-in is on.");
      assertThat(b.labelled("Recovery codes").getText().strip().split("\\s+")).hasSize(10);
      b.screenshot("console-two-factor");

      b.button("Log out").click();
      b.heading("Sign in");
      b.signIn(a.email(), PASSWORD);
      b.heading("Two-factor sign-in");
      // A code works once: the next 30-second step's, not the one that confirmed the enrolment.
      b.field("Authentication code").sendKeys(totp(secret, confirmedAt.plusSeconds(30)));
      b.button("Verify").click();
      b.heading("Home");

      b.open("#/payments/" + paymentId);
      b.heading("Payment");
      b.awaitEventuallyReloading("payment.succeeded");
      b.button("Refund").click();
      b.dialog();
      b.field("Amount").clear();
      b.field("Amount").sendKeys("3.00");
      b.button("Confirm refund").click();
      b.awaitText("Refund created");

      b.link("Activity").click();
      b.heading("Activity");
      for (String action :
          List.of("refunds.create", "console.sign_in", "console.two_factor.enable")) {
        assertThat(activityRow(b, action))
            .as("the %s row", action)
            .contains(a.email())
            .contains("127.0.0.1");
      }
      b.screenshot("console-activity");
    }
  }

  @Test
  void aViewerHasNoActivityPageAndTheApiRefusesItsSession() {
    Account a = account("Console Viewer Activity", "viewer");
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(a.email(), PASSWORD);
      b.heading("Home");
      assertThat(b.browser.driver.findElements(By.linkText("Activity"))).isEmpty();
      b.open("#/activity");
      b.heading("Activity");
      b.awaitText("cannot read the activity");
      given()
          .cookie("pp_console", b.cookie())
          .header("X-Console-Mode", "test")
          .get(url("/v1/audit_events"))
          .then()
          .statusCode(403);
    }
  }

  @Test
  void aTabStillShowingTestDataIsToldToReloadOnceAnotherTabSwitchedToLive() {
    Account a = account("Console Tabs", "owner");
    try (ConsoleBrowser b = new ConsoleBrowser()) {
      b.signIn(a.email(), PASSWORD);
      b.heading("Home");
      String testTab = b.browser.driver.getWindowHandle();
      b.browser.driver.switchTo().newWindow(WindowType.TAB);
      b.open("");
      b.heading("Home");
      new Select(b.field("Mode")).selectByValue("live");
      b.awaitText("Switched to live mode.");

      b.browser.driver.switchTo().window(testTab);
      b.link("Customers").click();
      b.awaitText("This tab is showing test data; reload.");
      b.screenshot("console-stale-tab");
      b.button("Reload").click();
      b.heading("Customers");
      assertThat(new Select(b.field("Mode")).getFirstSelectedOption().getAttribute("value"))
          .isEqualTo("live");
    }
  }
}
