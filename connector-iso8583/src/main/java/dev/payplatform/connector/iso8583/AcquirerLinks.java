package dev.payplatform.connector.iso8583;

import dev.payplatform.processor.GatewayAccount;
import dev.payplatform.processor.GatewayAccounts;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jpos.iso.ISOMsg;

/**
 * The open links, one per gateway account, made on first use and remade when the account's endpoint
 * or acceptor ids change. A watchdog signs each link on (0800, DE 70 = 001) once it is connected,
 * echoes it (301) when idle, and reconnects a link whose echo goes unanswered.
 */
@ApplicationScoped
public class AcquirerLinks {
  private static final Logger LOG = Logger.getLogger(AcquirerLinks.class);

  private static final Duration FIRST_CONNECT = Duration.ofSeconds(3);

  private final Map<String, AcquirerLink> links = new ConcurrentHashMap<>();
  private final Iso8583Config config;
  private final Iso8583Journal journal;
  private final GatewayAccounts accounts;
  private final InstantSource clock;
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "iso8583-link-watchdog");
            t.setDaemon(true);
            return t;
          });

  public AcquirerLinks(
      Iso8583Config config, Iso8583Journal journal, GatewayAccounts accounts, InstantSource clock) {
    this.config = config;
    this.journal = journal;
    this.accounts = accounts;
    this.clock = clock;
    long every = Math.max(1, config.echoInterval().toSeconds() / 3);
    watchdog.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.SECONDS);
  }

  /** The link of {@code account}, connecting if it is new. */
  AcquirerLink of(GatewayAccount account) {
    return links.compute(
        account.id(),
        (id, existing) -> {
          if (existing != null && sameEndpoint(existing.account(), account)) {
            return existing;
          }
          if (existing != null) {
            existing.stop();
          }
          AcquirerLink link = new AcquirerLink(account, config);
          link.start();
          LOG.infof("acquirer link for %s to %s:%d started", id, account.host(), account.port());
          return link;
        });
  }

  /** What a link is wanted for: a new charge needs an enabled account, existing money does not. */
  enum Use {
    NEW_CHARGE,
    EXISTING_MONEY
  }

  /**
   * The account's link, connected; empty when the account is unknown (or, for a new charge,
   * disabled) or when the acquirer cannot be reached now. A link made just now gets a moment to
   * connect.
   */
  Uni<Optional<AcquirerLink>> connected(String gatewayAccountId, Use use) {
    Optional<GatewayAccount> gatewayAccount =
        accounts.find(gatewayAccountId).filter(a -> use == Use.EXISTING_MONEY || a.enabled());
    if (gatewayAccount.isEmpty()) {
      return Uni.createFrom().item(Optional.empty());
    }
    AcquirerLink link = of(gatewayAccount.get());
    if (link.connected()) {
      return Uni.createFrom().item(Optional.of(link));
    }
    return Uni.createFrom()
        .item(() -> awaitConnected(link, FIRST_CONNECT))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .map(up -> up ? Optional.of(link) : Optional.<AcquirerLink>empty());
  }

  /** Waits up to {@code within} for a new link's first connection. */
  static boolean awaitConnected(AcquirerLink link, Duration within) {
    long until = System.nanoTime() + within.toNanos();
    while (!link.connected() && System.nanoTime() < until) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return link.connected();
  }

  private static boolean sameEndpoint(GatewayAccount a, GatewayAccount b) {
    return a.host().equals(b.host())
        && a.port() == b.port()
        && a.terminalId().equals(b.terminalId())
        && a.cardAcceptorId().equals(b.cardAcceptorId())
        && a.merchantCategoryCode().equals(b.merchantCategoryCode())
        && a.acquiringInstitutionId().equals(b.acquiringInstitutionId())
        && java.util.Objects.equals(a.cardAcceptorName(), b.cardAcceptorName());
  }

  private void watch() {
    for (AcquirerLink link : links.values()) {
      try {
        if (accounts.find(link.account().id()).filter(GatewayAccount::enabled).isEmpty()
            && link.idle().compareTo(config.echoInterval()) >= 0) {
          // Disabled or deleted, and idle: close it (a refund or reversal still due reopens it).
          if (links.remove(link.account().id(), link)) {
            link.stop();
            LOG.infof("acquirer link for %s closed: the account is disabled", link.account().id());
          }
        } else if (!link.connected()) {
          link.signedOn(false);
        } else if (!link.signedOn()) {
          link.signedOn(networkManagement(link, Iso8583Messages.SIGN_ON));
        } else if (link.idle().compareTo(config.echoInterval()) >= 0
            && !networkManagement(link, Iso8583Messages.ECHO)) {
          LOG.warnf("the echo to %s went unanswered: reconnecting", link.account());
          link.reconnect();
        }
      } catch (RuntimeException e) {
        LOG.warnf("the link watchdog failed for %s: %s", link.account(), e);
      }
    }
  }

  private boolean networkManagement(AcquirerLink link, String code) {
    try {
      long trace = journal.nextTraceNumber().await().atMost(Duration.ofSeconds(5));
      ISOMsg answer =
          link.request(
                  Iso8583Messages.networkManagement(
                      code, Iso8583Messages.Trace.of(trace, clock.instant())),
                  config.answerTimeout())
              .await()
              .indefinitely();
      return answer != null && ResponseCodes.approved(answer.getString(39));
    } catch (Exception e) {
      LOG.debugf("network management %s to %s failed: %s", code, link.account(), e);
      return false;
    }
  }

  @PreDestroy
  void stop() {
    watchdog.shutdownNow();
    links.values().forEach(AcquirerLink::stop);
    links.clear();
  }
}
