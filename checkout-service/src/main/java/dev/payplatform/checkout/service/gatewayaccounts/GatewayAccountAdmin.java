package dev.payplatform.checkout.service.gatewayaccounts;

import dev.payplatform.checkout.domain.GatewayAccountEntity;
import dev.payplatform.checkout.domain.GatewayAccountInUse;
import dev.payplatform.checkout.domain.GatewayAccountNotFound;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.money.Money;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.processor.GatewayAccount;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The operators' use case for gateway accounts (docs/connectors.md): create, change (endpoint,
 * acceptor ids, credentials, status), delete one that never moved money, read. Every change is
 * visible to charges on this replica at once and on the others within the refresh interval.
 */
@ApplicationScoped
public class GatewayAccountAdmin {
  public static final List<String> KINDS = List.of("sandbox", "iso8583");

  private final GatewayAccountDirectory directory;
  private final InstantSource clock;

  public GatewayAccountAdmin(GatewayAccountDirectory directory, InstantSource clock) {
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * What an operator sends ({@code POST} and {@code PATCH /admin/gateway_accounts}, snake_case on
   * the wire): every field optional on a change; credentials replace the stored ones.
   */
  public record Changes(
      String kind,
      String status,
      String host,
      Integer port,
      String terminalId,
      String cardAcceptorId,
      String merchantCategoryCode,
      String acquiringInstitutionId,
      String cardAcceptorName,
      String settlementCurrency,
      Map<String, String> credentials) {}

  public Uni<GatewayAccountEntity> create(Changes c) {
    GatewayAccountEntity a = new GatewayAccountEntity();
    a.id = Ids.newId(GatewayAccountEntity.ID_PREFIX);
    a.status = GatewayAccount.ENABLED;
    a.credentialNames = new String[0];
    a.createdAt = Timestamps.now(clock);
    apply(a, c, true);
    return Panache.withTransaction(a::<GatewayAccountEntity>persist).call(directory::refresh);
  }

  public Uni<GatewayAccountEntity> update(String id, Changes c) {
    return Panache.withTransaction(
            () ->
                existing(id)
                    .map(
                        a -> {
                          apply(a, c, false);
                          return a;
                        }))
        .call(directory::refresh);
  }

  @WithTransaction
  public Uni<Void> delete(String id) {
    return existing(id)
        .chain(
            a ->
                Panache.getSession()
                    .chain(
                        s ->
                            s.createNativeQuery(
                                    "select count(*) from iso8583_transaction where gateway_account_id"
                                        + " = ?1",
                                    Long.class)
                                .setParameter(1, id)
                                .getSingleResult())
                    .chain(
                        used -> {
                          if (used > 0) {
                            throw new GatewayAccountInUse(id);
                          }
                          return a.delete();
                        }))
        .call(directory::refresh);
  }

  @WithSession
  public Uni<GatewayAccountEntity> get(String id) {
    return existing(id);
  }

  /** The account, or {@link GatewayAccountNotFound} (404); runs inside the caller's session. */
  private static Uni<GatewayAccountEntity> existing(String id) {
    return GatewayAccountEntity.<GatewayAccountEntity>findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> new GatewayAccountNotFound(id));
  }

  @WithSession
  public Uni<List<GatewayAccountEntity>> list(int offset, int limit) {
    return GatewayAccountEntity.<GatewayAccountEntity>find("order by createdAt desc, id")
        .range(offset, offset + limit - 1)
        .list();
  }

  @WithSession
  public Uni<Long> count() {
    return GatewayAccountEntity.count();
  }

  private void apply(GatewayAccountEntity a, Changes c, boolean creating) {
    List<FieldError> errors = new ArrayList<>();
    if (c.kind() != null) {
      if (!creating && !c.kind().equals(a.kind)) {
        errors.add(FieldError.body("kind", "cannot change; create another account"));
      } else if (!KINDS.contains(c.kind())) {
        errors.add(FieldError.body("kind", "must be one of " + KINDS));
      }
      a.kind = c.kind();
    }
    if (c.status() != null) {
      if (!List.of(GatewayAccount.ENABLED, GatewayAccount.DISABLED).contains(c.status())) {
        errors.add(FieldError.body("status", "must be enabled or disabled"));
      }
      a.status = c.status();
    }
    a.host = pick(c.host(), a.host);
    a.port = c.port() != null ? c.port() : a.port;
    a.terminalId = pick(c.terminalId(), a.terminalId);
    a.cardAcceptorId = pick(c.cardAcceptorId(), a.cardAcceptorId);
    a.merchantCategoryCode = pick(c.merchantCategoryCode(), a.merchantCategoryCode);
    a.acquiringInstitutionId = pick(c.acquiringInstitutionId(), a.acquiringInstitutionId);
    a.cardAcceptorName = pick(c.cardAcceptorName(), a.cardAcceptorName);
    if (c.settlementCurrency() != null) {
      try {
        a.settlementCurrency =
            Money.parseCurrency(c.settlementCurrency(), "body", "settlement_currency")
                .getCurrencyCode();
      } catch (ValidationFailedException e) {
        errors.addAll(e.errors());
      }
    }
    if (a.kind == null) {
      errors.add(FieldError.missing("body", "kind"));
    }
    if (a.settlementCurrency == null) {
      errors.add(FieldError.missing("body", "settlement_currency"));
    }
    if ("iso8583".equals(a.kind)) {
      requireIso8583(a, errors);
    }
    if (c.credentials() != null) {
      if (!c.credentials().isEmpty() && !directory.canSeal()) {
        errors.add(
            FieldError.body(
                "credentials",
                "cannot be stored: no sealing key is configured on checkout-service"));
      } else {
        a.sealedCredentials = c.credentials().isEmpty() ? null : directory.seal(c.credentials());
        a.credentialNames = new TreeSet<>(c.credentials().keySet()).toArray(String[]::new);
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    a.updatedAt = Timestamps.now(clock);
  }

  private static void requireIso8583(GatewayAccountEntity a, List<FieldError> errors) {
    check(
        a.host != null && a.host.matches("[A-Za-z0-9.:-]{1,253}"),
        "host",
        "a host name or address",
        errors);
    check(a.port != null && a.port > 0 && a.port < 65536, "port", "1 to 65535", errors);
    check(
        a.terminalId != null && a.terminalId.matches("[ -~]{1,8}"),
        "terminal_id",
        "1 to 8 printable characters (DE 41)",
        errors);
    check(
        a.cardAcceptorId != null && a.cardAcceptorId.matches("[ -~]{1,15}"),
        "card_acceptor_id",
        "1 to 15 printable characters (DE 42)",
        errors);
    check(
        a.merchantCategoryCode != null && a.merchantCategoryCode.matches("\\d{4}"),
        "merchant_category_code",
        "4 digits (DE 18)",
        errors);
    check(
        a.acquiringInstitutionId != null && a.acquiringInstitutionId.matches("\\d{1,11}"),
        "acquiring_institution_id",
        "1 to 11 digits (DE 32)",
        errors);
    check(
        a.cardAcceptorName == null || a.cardAcceptorName.matches("[ -~]{0,40}"),
        "card_acceptor_name",
        "at most 40 printable characters (DE 43)",
        errors);
  }

  private static void check(boolean ok, String field, String what, List<FieldError> errors) {
    if (!ok) {
      errors.add(FieldError.body(field, "must be " + what));
    }
  }

  private static String pick(String changed, String current) {
    return changed != null ? changed : current;
  }
}
