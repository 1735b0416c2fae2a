package dev.payplatform.edge.audit.service;

import dev.payplatform.commons.ids.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names a state-changing API call for the audit log, from its method and path: the path's words
 * (hyphens as underscores) and a verb. {@code POST /v1/refunds} is {@code refunds.create}, {@code
 * POST /v1/webhook_endpoints/we_…} {@code webhook_endpoints.update}, {@code DELETE} of it {@code
 * webhook_endpoints.delete}, and {@code POST /v1/subscriptions/sub_…/cancel} {@code
 * subscriptions.cancel}. The object is the first id in the path.
 */
public final class ApiActions {
  /** An action's name and the object the path names (null when it names none). */
  public record Named(String action, String objectId) {}

  private ApiActions() {}

  public static Named of(String method, String path) {
    List<String> words = new ArrayList<>();
    String objectId = null;
    boolean endsWithId = false;
    String[] segments = path.split("/");
    // segments[0] is empty, segments[1] the version ("v1").
    for (int i = 2; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.isEmpty()) {
        continue;
      }
      if (Ids.looksLikeAny(segment)) {
        objectId = objectId == null ? segment : objectId;
        endsWithId = true;
      } else {
        words.add(segment.toLowerCase(Locale.ROOT).replace('-', '_'));
        endsWithId = false;
      }
    }
    String verb;
    if (method.equals("DELETE")) {
      verb = "delete";
    } else if (objectId == null) {
      verb = "create";
    } else if (endsWithId) {
      verb = "update";
    } else {
      // POST /v1/subscriptions/sub_…/cancel: the last word is the verb.
      verb = words.remove(words.size() - 1);
    }
    words.add(verb);
    return new Named(String.join(".", words), objectId);
  }
}
