package dev.payplatform.checkout.service.gatewayaccounts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payplatform.checkout.config.CheckoutConfig;
import dev.payplatform.commons.keys.SecretSealer;
import dev.payplatform.processor.GatewayAccount;
import dev.payplatform.processor.GatewayAccounts;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Every gateway account, in memory, credentials opened: a charge finds its account without a query.
 * Read at start, after every operator change on this replica, and every {@code
 * checkout.gateway.refresh-interval} for changes made on another.
 */
@ApplicationScoped
public class GatewayAccountDirectory implements GatewayAccounts {
  private static final Logger LOG = Logger.getLogger(GatewayAccountDirectory.class);
  private static final TypeReference<Map<String, String>> CREDENTIALS = new TypeReference<>() {};

  private final Pool pool;
  private final ObjectMapper json;
  private final Optional<String> sealingKey;
  private final LatestRead<Map<String, GatewayAccount>> accounts = new LatestRead<>(Map.of());
  private SecretSealer sealer;

  public GatewayAccountDirectory(Pool pool, ObjectMapper json, CheckoutConfig config) {
    this.pool = pool;
    this.json = json;
    this.sealingKey = config.gatewayAccounts().sealingKey().filter(k -> !k.isBlank());
  }

  void onStart(@Observes StartupEvent start) {
    refresh().await().atMost(Duration.ofSeconds(30));
  }

  @Scheduled(
      every = "${checkout.gateway.refresh-interval:5s}",
      delayed = "${checkout.gateway.refresh-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduledRefresh() {
    return refresh()
        .onFailure()
        .recoverWithItem(
            e -> {
              LOG.warnf("could not reread the gateway accounts: %s", e);
              return null;
            });
  }

  public Uni<Void> refresh() {
    return Uni.createFrom()
        .deferred(
            () -> {
              long generation = accounts.begin();
              return pool.query(
                      "select id, kind, status, host, port, terminal_id, card_acceptor_id,"
                          + " merchant_category_code, acquiring_institution_id,"
                          + " card_acceptor_name, settlement_currency, sealed_credentials"
                          + " from gateway_account")
                  .execute()
                  .invoke(
                      rows -> {
                        Map<String, GatewayAccount> read = new HashMap<>();
                        rows.forEach(r -> read.put(r.getString("id"), account(r)));
                        accounts.offer(generation, Map.copyOf(read));
                      });
            })
        .replaceWithVoid();
  }

  @Override
  public Optional<GatewayAccount> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(accounts.get().get(id));
  }

  /** Seals an account's credentials for storing. */
  public String seal(Map<String, String> credentials) {
    try {
      return sealer().seal(json.writeValueAsString(credentials));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean canSeal() {
    return sealingKey.isPresent();
  }

  private GatewayAccount account(Row r) {
    Integer port = r.getInteger("port");
    return new GatewayAccount(
        r.getString("id"),
        r.getString("kind"),
        r.getString("status"),
        r.getString("host"),
        port == null ? 0 : port,
        r.getString("terminal_id"),
        r.getString("card_acceptor_id"),
        r.getString("merchant_category_code"),
        r.getString("acquiring_institution_id"),
        r.getString("card_acceptor_name"),
        r.getString("settlement_currency"),
        open(r.getString("id"), r.getString("sealed_credentials")));
  }

  private Map<String, String> open(String id, String sealed) {
    if (sealed == null) {
      return Map.of();
    }
    try {
      return json.readValue(sealer().open(sealed), CREDENTIALS);
    } catch (Exception e) {
      LOG.errorf("the credentials of gateway account %s do not open: %s", id, e.getMessage());
      return Map.of();
    }
  }

  private synchronized SecretSealer sealer() {
    if (sealer == null) {
      sealer =
          new SecretSealer(
              "checkout.gateway.sealing-key (CHECKOUT_GATEWAY_SEALING_KEY)", sealingKey.orElse(""));
    }
    return sealer;
  }
}
