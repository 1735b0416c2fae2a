package dev.payplatform.reference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How callers authenticate at the edge (docs/api.md, "Authentication"; docs/console.md). */
final class Security {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Security() {}

  static ObjectNode schemes() {
    ObjectNode schemes = NODES.objectNode();
    ObjectNode key = schemes.putObject("apiKey");
    key.put("type", "apiKey");
    key.put("in", "header");
    key.put("name", "X-Api-Key");
    key.put(
        "description",
        "A secret key: sk_test_… (sandbox) or sk_live_… (production). Test and live data never"
            + " mix.");
    ObjectNode basic = schemes.putObject("basicKey");
    basic.put("type", "http");
    basic.put("scheme", "basic");
    basic.put("description", "HTTP Basic with the secret key as the user name and no password.");
    ObjectNode session = schemes.putObject("consoleSession");
    session.put("type", "apiKey");
    session.put("in", "cookie");
    session.put("name", "pp_console");
    session.put(
        "description",
        "The console's session (docs/console.md), in the session's mode. Requests other than"
            + " GET and HEAD also need the X-CSRF-Token header.");
    return schemes;
  }

  /** Any of the three: a key in either form, or the console's session. */
  static ArrayNode keyOrSession() {
    ArrayNode any = NODES.arrayNode();
    any.addObject().putArray("apiKey");
    any.addObject().putArray("basicKey");
    any.addObject().putArray("consoleSession");
    return any;
  }

  /** Sign-in, sign-up and an invite's details are anonymous; the rest needs the session. */
  static void console(ObjectNode op, String path, String method) {
    op.remove("security");
    boolean anonymous =
        (path.equals("/console/api/session") && method.equals("post"))
            || path.equals("/console/api/signup")
            || path.startsWith("/console/api/invites/");
    ArrayNode security = op.putArray("security");
    if (!anonymous) {
      security.addObject().putArray("consoleSession");
    }
  }
}
