package dev.payplatform.events.service;

import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.events.config.EventsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Whether a URL may be an endpoint: absolute http(s) without credentials, https in live mode, and a
 * host that resolves only to addresses deliveries may go to. Each refusal is a 422 on {@code url}.
 */
@ApplicationScoped
public class EndpointUrls {
  static final int MAX_LENGTH = 2048;
  private final WebhookSender sender;
  private final EventsConfig.Webhooks settings;

  public EndpointUrls(WebhookSender sender, EventsConfig config) {
    this.sender = sender;
    this.settings = config.webhooks();
  }

  /** The URL, checked; fails with the 422 that says what is wrong with it. */
  public Uni<String> check(String raw, boolean livemode) {
    URI url;
    try {
      url = parse(raw, livemode);
    } catch (ValidationFailedException e) {
      return Uni.createFrom().failure(e);
    }
    return sender
        .resolveAllowed(url)
        .replaceWith(url.toString())
        .onFailure(WebhookSender.BlockedAddress.class)
        .transform(e -> invalid(e.getMessage() + "; deliveries may not go there"))
        .onFailure(UnknownHostException.class)
        .transform(e -> invalid("the host " + url.getHost() + " could not be resolved"));
  }

  URI parse(String raw, boolean livemode) {
    if (raw == null || raw.isBlank()) {
      throw new ValidationFailedException(FieldError.missing("body", "url"));
    }
    String text = raw.strip();
    if (text.length() > MAX_LENGTH) {
      throw invalid("must be at most " + MAX_LENGTH + " characters");
    }
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid("is not a valid URL");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw invalid("must be an absolute http or https URL");
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      throw invalid("must name a host");
    }
    if (url.getRawUserInfo() != null) {
      throw invalid("must not carry a user name or password");
    }
    if (url.getRawFragment() != null) {
      throw invalid("must not have a fragment");
    }
    if (livemode && settings.requireHttpsInLive() && !scheme.equals("https")) {
      throw invalid("must use https in live mode");
    }
    return url;
  }

  private static ValidationFailedException invalid(String msg) {
    return new ValidationFailedException(FieldError.body("url", msg));
  }
}
