package dev.payplatform.events.service;

import dev.payplatform.commons.auth.Tenant;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.paging.Page;
import dev.payplatform.commons.paging.PageRequest;
import dev.payplatform.commons.paging.Pages;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.events.domain.EndpointNotFound;
import dev.payplatform.events.domain.EndpointStatus;
import dev.payplatform.events.domain.EventTypes;
import dev.payplatform.events.domain.WebhookEndpoint;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A merchant's webhook endpoints: create, change, rotate the secret, delete, read. */
@ApplicationScoped
public class WebhookEndpoints {
  /** How long a rotated-out secret keeps signing beside the new one. */
  public static final Duration ROTATION_GRACE = Duration.ofHours(24);

  static final int MAX_ENDPOINTS = 16;

  private final EndpointUrls urls;
  private final SigningSecrets secrets;
  private final InstantSource clock;

  public WebhookEndpoints(EndpointUrls urls, SigningSecrets secrets, InstantSource clock) {
    this.urls = urls;
    this.secrets = secrets;
    this.clock = clock;
  }

  /** An endpoint and, right after it was created or rotated, its plain secret (shown once). */
  public record WithSecret(WebhookEndpoint endpoint, String secret) {}

  public Uni<WithSecret> create(
      Tenant tenant, String url, List<String> enabledEvents, String description) {
    String[] events = enabledEvents(enabledEvents, true);
    return urls.check(url, tenant.livemode())
        .chain(
            checked -> Panache.withTransaction(() -> store(tenant, checked, events, description)));
  }

  private Uni<WithSecret> store(Tenant tenant, String url, String[] events, String description) {
    // One create per merchant and mode at a time, so two at once cannot both pass the limit.
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                    .setParameter(
                        1, "webhook_endpoint:" + tenant.merchantId() + ":" + tenant.livemode())
                    .getSingleResult())
        .chain(() -> WebhookEndpoint.count(Tenant.WHERE, tenant.parameters()))
        .chain(
            count -> {
              if (count >= MAX_ENDPOINTS) {
                return Uni.createFrom()
                    .failure(
                        new ValidationFailedException(
                            FieldError.body(
                                "url",
                                "a merchant may have at most "
                                    + MAX_ENDPOINTS
                                    + " endpoints per mode; delete one first")));
              }
              Instant now = Timestamps.now(clock);
              String secret = secrets.mint();
              WebhookEndpoint e = new WebhookEndpoint();
              e.id = Ids.newId(WebhookEndpoint.ID_PREFIX);
              e.merchantId = tenant.merchantId();
              e.livemode = tenant.livemode();
              e.url = url;
              e.description = description;
              e.enabledEvents = events;
              e.status = EndpointStatus.ENABLED;
              e.secretSealed = secrets.seal(secret);
              e.createdAt = now;
              e.updatedAt = now;
              return e.<WebhookEndpoint>persist().map(saved -> new WithSecret(saved, secret));
            });
  }

  public Uni<WebhookEndpoint> update(
      Tenant tenant,
      String id,
      String url,
      List<String> enabledEvents,
      String description,
      Boolean disabled) {
    String[] events = enabledEvents == null ? null : enabledEvents(enabledEvents, false);
    Uni<String> checked =
        url == null ? Uni.createFrom().nullItem() : urls.check(url, tenant.livemode());
    return checked.chain(
        u -> Panache.withTransaction(() -> apply(tenant, id, u, events, description, disabled)));
  }

  private Uni<WebhookEndpoint> apply(
      Tenant tenant, String id, String url, String[] events, String description, Boolean disabled) {
    return locked(tenant, id)
        .map(
            e -> {
              Instant now = Timestamps.now(clock);
              if (url != null) {
                e.url = url;
              }
              if (events != null) {
                e.enabledEvents = events;
              }
              if (description != null) {
                e.description = description.isBlank() ? null : description;
              }
              if (Boolean.TRUE.equals(disabled) && e.status == EndpointStatus.ENABLED) {
                e.disable("disabled by the merchant", now);
              } else if (Boolean.FALSE.equals(disabled) && e.status == EndpointStatus.DISABLED) {
                e.enable(now);
              }
              e.updatedAt = now;
              return e;
            });
  }

  @WithTransaction
  public Uni<WithSecret> rotateSecret(Tenant tenant, String id) {
    return locked(tenant, id)
        .map(
            e -> {
              String secret = secrets.mint();
              e.rotate(secrets.seal(secret), Timestamps.now(clock), ROTATION_GRACE);
              return new WithSecret(e, secret);
            });
  }

  /** Deletes the endpoint with its deliveries and their attempts (the events stay). */
  @WithTransaction
  public Uni<WebhookEndpoint> delete(Tenant tenant, String id) {
    return locked(tenant, id).call(e -> e.delete());
  }

  @WithSession
  public Uni<WebhookEndpoint> get(Tenant tenant, String id) {
    if (!Ids.looksLike(id, WebhookEndpoint.ID_PREFIX)) {
      return Uni.createFrom().failure(new EndpointNotFound(id));
    }
    return WebhookEndpoint.<WebhookEndpoint>find(
            Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new EndpointNotFound(id));
  }

  @WithSession
  public Uni<Page<WebhookEndpoint>> list(Tenant tenant, PageRequest page) {
    return Pages.of(
        WebhookEndpoint.find(Tenant.WHERE, Pages.NEWEST_FIRST, tenant.parameters()), page);
  }

  private Uni<WebhookEndpoint> locked(Tenant tenant, String id) {
    if (!Ids.looksLike(id, WebhookEndpoint.ID_PREFIX)) {
      return Uni.createFrom().failure(new EndpointNotFound(id));
    }
    return WebhookEndpoint.<WebhookEndpoint>find(
            Tenant.WHERE + " and id = :id", tenant.parameters("id", id))
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> new EndpointNotFound(id));
  }

  /** The patterns, trimmed and without repeats; each must be well-formed and match a known type. */
  static String[] enabledEvents(List<String> patterns, boolean required) {
    if (patterns == null || patterns.isEmpty()) {
      throw new ValidationFailedException(
          required
              ? FieldError.missing("body", "enabled_events")
              : FieldError.body("enabled_events", "must list at least one event type"));
    }
    if (patterns.size() > 100) {
      throw new ValidationFailedException(
          FieldError.body("enabled_events", "must list at most 100 event types"));
    }
    List<FieldError> errors = new ArrayList<>();
    LinkedHashSet<String> kept = new LinkedHashSet<>();
    for (int i = 0; i < patterns.size(); i++) {
      String p = patterns.get(i) == null ? "" : patterns.get(i).strip();
      if (!EventTypes.isUseful(p)) {
        errors.add(
            new FieldError(
                List.of("body", "enabled_events", Integer.toString(i)),
                "is not an event type, a prefix such as payment.* or *: see docs/webhooks.md",
                "value_error"));
      }
      kept.add(p);
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    return kept.toArray(String[]::new);
  }
}
