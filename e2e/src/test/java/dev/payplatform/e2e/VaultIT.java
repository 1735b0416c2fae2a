package dev.payplatform.e2e;

import static dev.payplatform.e2e.Platform.url;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The card vault end to end (docs/vault.md): live subscriptions' first payments are made in
 * Chromium with a test card number, which the connector stores in the vault (the acquirer sees the
 * initial stored-credential indicators); the subscription's clock then moves a period and the
 * renewal is charged at the acquirer host from the vault, as a recurring merchant-initiated
 * transaction naming the first one, and paid. The key-encryption key is rotated while renewals
 * charge: no card is lost, every record ends under the new key, and renewals charge after it.
 */
class VaultIT {
  private static final String CHECKOUT = "http://127.0.0.1:8081";
  private static final String BILLING = "http://127.0.0.1:8084";
  private static final long MONTH = 32L * 24 * 3600;
  private static Platform.LiveMerchant merchant;

  @BeforeAll
  static void liveMerchant() {
    Platform.env();
    merchant = Platform.newLiveMerchant("Vaulted Shop");
  }

  @Test
  void aLiveSubscriptionRenewsFromTheVaultAsAMerchantInitiatedChargeAndSurvivesAKeyRotation()
      throws Exception {
    String plan = MerchantApi.plan(merchant.skLive(), 1500);
    List<String> subscriptions = new ArrayList<>();
    try (Browser browser = new Browser()) {
      for (int i = 0; i < 3; i++) {
        subscriptions.add(subscribeInChromium(browser, plan));
      }
    }
    List<AcquirerControl.Request> first =
        AcquirerControl.purchasesReceived(merchant.cardAcceptorId());
    assertThat(first).hasSize(3);
    assertThat(first)
        .allSatisfy(
            r -> {
              assertThat(r.posEntryMode()).as("key-entered").isEqualTo("012");
              assertThat(r.storedCredential()).as("initial storage").isEqualTo("21=I;22=C");
            });
    String pm = subscription(subscriptions.get(0)).getString("default_payment_method");
    assertThat(pm).startsWith("pm_");

    // A period later, the renewal is charged from the vault without the buyer.
    advance(subscriptions.get(0));
    AcquirerControl.Request renewal = awaitPurchases(4).get(3);
    assertThat(renewal.posEntryMode()).as("credential on file").isEqualTo("100");
    assertThat(renewal.storedCredential())
        .as("recurring, merchant-initiated, naming the initial transaction")
        .isEqualTo("21=S;22=M;23=R;24=" + first.get(0).rrn());
    awaitPaidInvoices(subscriptions.get(0), 2);

    // Rotation under load: the other two renew while the key ring gets a new key and every record
    // is re-wrapped under it.
    String newKey = "kek-e2e-" + System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> renewals =
          pool.submit(
              () -> {
                advance(subscriptions.get(1));
                advance(subscriptions.get(2));
              });
      byte[] raw = new byte[32];
      new SecureRandom().nextBytes(raw);
      Files.writeString(
          Platform.STATE.resolve("keys/vault-keys"),
          newKey + " " + HexFormat.of().formatHex(raw) + "\n",
          StandardOpenOption.APPEND);
      JsonPath rotation =
          admin()
              .post(CHECKOUT + "/admin/vault/rotate")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(rotation.getString("active_key")).isEqualTo(newKey);
      assertThat(rotation.getList("unreadable")).isEmpty();
      renewals.get();
    } finally {
      pool.shutdown();
    }
    awaitPaidInvoices(subscriptions.get(1), 2);
    awaitPaidInvoices(subscriptions.get(2), 2);
    JsonPath keys =
        admin().get(CHECKOUT + "/admin/vault/keys").then().statusCode(200).extract().jsonPath();
    Map<String, Object> records = keys.getMap("records");
    assertThat(records).as("every record under the new key").containsOnlyKeys(newKey);

    // And after it: every card still charges.
    for (String s : subscriptions) {
      advance(s);
    }
    awaitPurchases(3 + 3 + 3);
    for (String s : subscriptions) {
      awaitPaidInvoices(s, 3);
    }
    assertThat(AcquirerControl.transactions(merchant.cardAcceptorId()))
        .filteredOn(AcquirerControl.Transaction::approvedPurchase)
        .hasSize(9);
  }

  private static String subscribeInChromium(Browser browser, String plan) {
    String customer = MerchantApi.customer(merchant.skLive());
    JsonPath subscription =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    given()
                        .header("X-Api-Key", merchant.skLive())
                        .contentType("application/json")
                        .body(Map.of("customer_id", customer, "plan_id", plan))
                        .post(url("/v1/subscriptions")),
                r -> r.statusCode() == 200)
            .jsonPath();
    String id = subscription.getString("id");
    browser.open(subscription.getString("latest_invoice.payment_url"));
    browser.payWith(Cards.VISA);
    browser.awaitUrlStartingWith(url("/link/"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "active".equals(subscription(id).getString("status")));
    awaitPaidInvoices(id, 1);
    return id;
  }

  private static JsonPath subscription(String id) {
    return given()
        .header("X-Api-Key", merchant.skLive())
        .get(url("/v1/subscriptions/" + id))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static void advance(String subscriptionId) {
    admin()
        .body(Map.of("merchant_id", merchant.id(), "livemode", true, "seconds", MONTH))
        .post(BILLING + "/admin/subscriptions/" + subscriptionId + "/test_clock/advance")
        .then()
        .statusCode(200);
  }

  private static List<AcquirerControl.Request> awaitPurchases(int n) {
    List<List<AcquirerControl.Request>> seen = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              List<AcquirerControl.Request> now =
                  AcquirerControl.purchasesReceived(merchant.cardAcceptorId());
              seen.add(now);
              return now.size() >= n;
            });
    return seen.get(seen.size() - 1);
  }

  /** The subscription has been paid {@code periods} times: its latest invoice is that one, paid. */
  private static void awaitPaidInvoices(String subscriptionId, int periods) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonPath s = subscription(subscriptionId);
              assertThat(s.getString("latest_invoice.status")).isEqualTo("paid");
              PAID.merge(subscriptionId + "|" + s.getString("latest_invoice.id"), 1, Integer::sum);
              assertThat(
                      PAID.keySet().stream()
                          .filter(k -> k.startsWith(subscriptionId + "|"))
                          .count())
                  .isGreaterThanOrEqualTo(periods);
            });
  }

  private static final Map<String, Integer> PAID = new java.util.concurrent.ConcurrentHashMap<>();

  private static io.restassured.specification.RequestSpecification admin() {
    return given()
        .header("Authorization", "Bearer " + Platform.env().adminToken())
        .contentType("application/json");
  }
}
