package dev.payplatform.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.payplatform.commons.checkout.CheckoutClaims;
import dev.payplatform.commons.checkout.CheckoutTokens;
import dev.payplatform.commons.ids.Ids;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A buyer in a real (headless) Chromium: opens the checkout page, types a card, pays, and lands on
 * the merchant's return URL with id_payment; through a 3-D Secure challenge too. The return URL is
 * a tiny local HTTP server, so the test sees the browser really arrive there.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserCheckoutTest {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final String EXPIRY =
      "12" + String.format("%02d", (Year.now().getValue() + 3) % 100);

  @Inject CheckoutTokens tokens;

  private ChromeDriver browser;
  private HttpServer shop;
  private final List<String> arrivals = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws IOException {
    assertThat(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)))
        .as("Chromium and ChromeDriver are installed (apt-get install -y chromium chromium-driver)")
        .isTrue();
    shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    shop.createContext(
        "/",
        exchange -> {
          if (!exchange.getRequestURI().getPath().equals("/favicon.ico")) {
            arrivals.add(exchange.getRequestURI().toString());
          }
          byte[] body =
              "<!DOCTYPE html><title>Thanks</title><h1 id=\"thanks\">Thank you</h1>"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    shop.start();

    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,800",
        "--remote-allow-origins=*",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions");
    browser = new ChromeDriver(options);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (shop != null) {
      shop.stop(0);
    }
  }

  @BeforeEach
  void freshBrowser() {
    browser.manage().deleteAllCookies();
    arrivals.clear();
  }

  @Test
  void aBuyerPaysASessionWith4242AndLandsOnTheReturnUrl() {
    String merchant = Api.newMerchant();
    String returnUrl = shopUrl("/thank-you");
    Map<String, Object> body = Api.sessionBody("25.00", "USD");
    body.put("return_url", returnUrl);
    String checkoutUrl =
        Api.as(merchant, "test")
            .body(body)
            .post("/v1/payments/session")
            .then()
            .statusCode(201)
            .extract()
            .path("checkout_url");
    String session = checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);

    browser.get(checkoutUrl);
    assertThat(text("#amount")).isEqualTo("$25.00");
    assertThat(browser.getPageSource()).contains("Shop " + merchant.substring(4, 12));
    fillCard("4242424242424242", "123");
    assertThat(input("#card_number").getAttribute("value")).isEqualTo("4242 4242 4242 4242");
    assertThat(input("#expiry").getAttribute("value"))
        .isEqualTo(EXPIRY.substring(0, 2) + " / " + EXPIRY.substring(2));
    assertThat(text("#card-brand")).isEqualToIgnoringCase("Visa");
    snapshot("checkout-session");
    input("#pay-button").click();

    waitFor(ExpectedConditions.urlContains("id_payment="));
    String paymentId = Db.text("select payment_id from checkout_session where id = ?", session);
    assertThat(browser.getCurrentUrl()).isEqualTo(returnUrl + "?id_payment=" + paymentId);
    assertThat(text("#thanks")).isEqualTo("Thank you");
    assertThat(arrivals).containsExactly("/thank-you?id_payment=" + paymentId);
    assertThat(Db.text("select status from checkout_session where id = ?", session))
        .isEqualTo("complete");
  }

  @Test
  void aHostedPaymentGoesThroughThe3dsChallengeAndLandsOnTheReturnUrl() {
    String merchant = Api.newMerchant();
    String paymentId = Ids.newId("pay");
    String returnUrl = shopUrl("/orders/42?step=done");
    CheckoutClaims claims =
        new CheckoutClaims(
            "payment",
            paymentId,
            paymentId,
            merchant,
            false,
            "Browser Bakery",
            null,
            1234,
            "EUR",
            "Two croissants",
            List.of("Croissant", "Croissant"),
            returnUrl,
            null,
            Instant.now().plus(Duration.ofHours(1)));
    String token = tokens.sign(claims);

    browser.get(
        "http://localhost:18081/checkout/pay/"
            + paymentId
            + "?data="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
    assertThat(text("#amount")).isEqualTo("€12.34");
    fillCard("4000 0027 6000 3184", "321");
    input("#pay-button").click();

    waitFor(ExpectedConditions.urlContains("/checkout/3ds/"));
    assertThat(browser.getPageSource()).contains("Verify it").contains("Visa ending in 3184");
    snapshot("3ds-challenge");
    assertThat(text("#amount")).isEqualTo("€12.34");
    input("#complete").click();

    waitFor(ExpectedConditions.urlContains("id_payment="));
    assertThat(browser.getCurrentUrl()).isEqualTo(returnUrl + "&id_payment=" + paymentId);
    assertThat(arrivals).containsExactly("/orders/42?step=done&id_payment=" + paymentId);
    assertThat(Db.text("select status from payment_intent where payment_id = ?", paymentId))
        .isEqualTo("succeeded");
  }

  @Test
  void aDeclineIsShownAndTheBuyerRetriesWithAnotherCard() {
    String merchant = Api.newMerchant();
    Map<String, Object> body = Api.sessionBody("8.00", "USD");
    body.put("return_url", shopUrl("/done"));
    String checkoutUrl =
        Api.as(merchant, "test")
            .body(body)
            .post("/v1/payments/session")
            .then()
            .statusCode(201)
            .extract()
            .path("checkout_url");

    browser.get(checkoutUrl);
    fillCard("4000000000009995", "123");
    input("#pay-button").click();
    waitFor(
        ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "insufficient funds"));
    assertThat(input("#pay-button").isEnabled()).isTrue();
    snapshot("checkout-declined");

    input("#card_number").clear();
    input("#card_number").sendKeys("5555555555554444");
    input("#cvc").sendKeys("456");
    input("#pay-button").click();
    waitFor(ExpectedConditions.urlContains("id_payment="));
    assertThat(arrivals).hasSize(1);
  }

  @Test
  void theFormChecksTheCardNumberBeforeAnythingIsSent() {
    String session = Api.session(Api.newMerchant());
    browser.get("http://localhost:18081/checkout/session/" + session);
    fillCard("4242424242424241", "123");
    input("#pay-button").click();
    waitFor(
        ExpectedConditions.textToBePresentInElementLocated(By.id("card_number-error"), "invalid"));
    assertThat(input("#card_number").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(Db.count("select count(*) from payment_intent where session_id = ?", session))
        .isZero();
  }

  /** Screenshots for people reviewing the pages (target/screenshots); not an assertion. */
  private void snapshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target/screenshots"));
      Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void fillCard(String number, String cvc) {
    input("#email").sendKeys("buyer@example.com");
    input("#card_number").sendKeys(number);
    input("#expiry").sendKeys(EXPIRY);
    input("#cvc").sendKeys(cvc);
    input("#cardholder_name").sendKeys("Grace Hopper");
  }

  private WebElement input(String css) {
    return browser.findElement(By.cssSelector(css));
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
  }

  private String shopUrl(String path) {
    return "http://127.0.0.1:" + shop.getAddress().getPort() + path;
  }
}
