package dev.payplatform.commons.metrics;

import dev.payplatform.commons.ids.Ids;
import java.util.regex.Pattern;

/**
 * The route template of a request path, for metric tags: ids become {@code {id}}, anything else
 * that is not a plain lower-case word (letters, digits, . _ -) becomes {@code {param}}. Services'
 * REST routes are already templates; the edge proxies raw paths ({@code
 * /v1/webhook_endpoints/we_…/test}), which would otherwise make one time series per object.
 */
public final class UriTemplates {
  private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_.-]{0,39}");

  private UriTemplates() {}

  public static String of(String uri) {
    if (uri == null || !uri.startsWith("/") || uri.equals("/")) {
      return uri; // Quarkus' own NOT_FOUND, REDIRECTION, root
    }
    String[] segments = uri.split("/", -1);
    StringBuilder template = new StringBuilder();
    for (int i = 1; i < segments.length; i++) {
      template.append('/').append(shape(segments[i]));
    }
    return template.toString();
  }

  private static String shape(String segment) {
    if (segment.isEmpty() || (segment.startsWith("{") && segment.endsWith("}"))) {
      return segment;
    }
    if (Ids.looksLikeAny(segment) || segment.contains("_secret_")) {
      return "{id}";
    }
    return WORD.matcher(segment).matches() ? segment : "{param}";
  }
}
