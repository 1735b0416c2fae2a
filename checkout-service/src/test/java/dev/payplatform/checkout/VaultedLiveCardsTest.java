package dev.payplatform.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.acquirer.JournaledMessage;
import dev.payplatform.connector.iso8583.Iso8583Connector;
import dev.payplatform.processor.CardDetails;
import dev.payplatform.processor.ProcessorAccount;
import dev.payplatform.processor.ProcessorResult;
import dev.payplatform.vault.CardVault;
import dev.payplatform.vault.KeyRotation;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Saved live cards (docs/vault.md, docs/connectors.md): a live charge that saves its card puts the
 * number in the vault and tells the acquirer it stores the credential; a renewal sends the vaulted
 * number as a recurring merchant-initiated charge naming the first one; a declined first charge
 * keeps nothing; another merchant's token charges nothing.
 */
@QuarkusTest
class VaultedLiveCardsTest {
  @Inject Iso8583Connector connector;
  @Inject CardVault vault;
  @Inject KeyRotation rotation;

  @Inject
  @ReactiveDataSource("vault")
  Pool vaultDb;

  private static <T> T run(Supplier<Uni<T>> call) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(call);
  }

  private static String ref() {
    return "att_" + UUID.randomUUID().toString().replace("-", "");
  }

  private static List<JournaledMessage> requests(String rrn) {
    return Acquirer.host().record().journal().stream()
        .filter(m -> rrn.equals(m.rrn()) && "in".equals(m.direction()) && "0200".equals(m.mti()))
        .toList();
  }

  @Test
  void aSavedCardRenewsFromTheVaultAsARecurringMerchantInitiatedCharge() throws Throwable {
    ProcessorAccount account =
        new ProcessorAccount("mer_" + UUID.randomUUID(), true, Acquirer.account());
    CardDetails typed = new CardDetails("4242424242424242", "123", 12, 2031, null);

    ProcessorResult first =
        run(() -> connector.authorize(account, typed, 1500, "USD", true, ref()));
    assertThat(first.outcome()).isEqualTo(ProcessorResult.Outcome.SUCCEEDED);
    String pm = first.paymentMethodId();
    assertThat(pm).startsWith("pm_");
    String firstRrn = first.chargeRef();
    assertThat(requests(firstRrn))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.posEntryMode()).isEqualTo("012");
              assertThat(m.storedCredential()).isEqualTo("21=I;22=C");
            });
    var stored = run(() -> vault.reveal(account.merchantId(), true, pm)).orElseThrow();
    assertThat(stored.number()).isEqualTo("4242424242424242");
    assertThat(stored.networkReference()).isEqualTo(firstRrn);
    assertThat(stored.toString()).doesNotContain("4242424242424242");

    ProcessorResult renewal = run(() -> connector.chargeSaved(account, pm, 1500, "USD", ref()));
    assertThat(renewal.outcome()).isEqualTo(ProcessorResult.Outcome.SUCCEEDED);
    assertThat(renewal.paymentMethodId()).isEqualTo(pm);
    assertThat(renewal.card().last4()).isEqualTo("4242");
    assertThat(requests(renewal.chargeRef()))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.maskedPan()).isEqualTo("424242******4242");
              assertThat(m.posEntryMode()).isEqualTo("100");
              assertThat(m.storedCredential()).isEqualTo("21=S;22=M;23=R;24=" + firstRrn);
            });

    // Another merchant's charge with this token finds no card and sends nothing.
    ProcessorAccount other =
        new ProcessorAccount("mer_" + UUID.randomUUID(), true, account.gatewayAccountId());
    ProcessorResult refused = run(() -> connector.chargeSaved(other, pm, 1500, "USD", ref()));
    assertThat(refused.outcome()).isEqualTo(ProcessorResult.Outcome.DECLINED);
    assertThat(refused.declineReason()).isEqualTo("card_declined");
  }

  @Test
  void aDeclinedFirstChargeKeepsNoCardInTheVault() throws Throwable {
    ProcessorAccount account =
        new ProcessorAccount("mer_" + UUID.randomUUID(), true, Acquirer.account());
    KeyRotation.KeyUsage before = run(() -> rotation.keyUsage());
    ProcessorResult declined =
        run(
            () ->
                connector.authorize(
                    account,
                    new CardDetails("4000000000000002", "123", 12, 2031, null),
                    1500,
                    "USD",
                    true,
                    ref()));
    assertThat(declined.outcome()).isEqualTo(ProcessorResult.Outcome.DECLINED);
    assertThat(declined.paymentMethodId()).isNull();
    assertThat(run(() -> rotation.keyUsage())).isEqualTo(before);
  }

  @Test
  void aRotationReWrapsWhatItCanAndReportsCardsItCannotOpenInsteadOfFailing() throws Throwable {
    // One card under a key the ring no longer holds (the key file was replaced), one whose wrapped
    // key does not open under the ring's older key (tampered with), and one under the older key.
    String lost = orphan("lost-key");
    String tampered = orphan("test-0");
    ProcessorAccount account =
        new ProcessorAccount("mer_" + UUID.randomUUID(), true, Acquirer.account());
    ProcessorResult saved =
        run(
            () ->
                connector.authorize(
                    account,
                    new CardDetails("4242424242424242", "123", 12, 2031, null),
                    1500,
                    "USD",
                    true,
                    ref()));
    assertThat(saved.outcome()).isEqualTo(ProcessorResult.Outcome.SUCCEEDED);

    KeyRotation.Rewrap done = run(() -> rotation.rewrap());

    assertThat(done.unreadable()).contains(tampered).doesNotContain(lost);
    KeyRotation.KeyUsage usage = run(() -> rotation.keyUsage());
    assertThat(usage.activeKey()).isEqualTo("test-1");
    assertThat(usage.missingKeys()).containsKey("lost-key");
    assertThat(usage.records()).containsOnlyKeys("test-1", "test-0");
    assertThat(usage.records().get("test-0")).as("only what would not open").isEqualTo(1L);
    assertThat(run(() -> vault.reveal(account.merchantId(), true, saved.paymentMethodId())))
        .as("the readable card still opens")
        .isPresent();
  }

  private String orphan(String keyId) throws Throwable {
    byte[] junk = new byte[60];
    new SecureRandom().nextBytes(junk);
    String token = "pm_" + UUID.randomUUID().toString().replace("-", "");
    run(
        () ->
            vaultDb
                .preparedQuery(
                    "insert into vault_card (token, merchant_id, livemode, key_id, wrapped_key,"
                        + " sealed_number, brand, last4, exp_month, exp_year, created_at) values"
                        + " ($1, 'mer_orphan', true, $2, $3, $3, 'visa', '4242', 12, 2031, $4)")
                .execute(Tuple.of(token, keyId, Buffer.buffer(junk), OffsetDateTime.now())));
    return token;
  }
}
