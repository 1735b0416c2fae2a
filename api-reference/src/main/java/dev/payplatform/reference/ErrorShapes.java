package dev.payplatform.reference;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The documented error answers (docs/api.md, "Errors"; platform-commons' ErrorBodies) and which
 * operations give which. The services' generated documents list a bare 401/403/400 for every
 * secured call; the reference says what the edge and the services actually answer.
 */
final class ErrorShapes {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PROBLEM = "#/components/schemas/Problem";

  private ErrorShapes() {}

  static void addSchemas(ObjectNode schemas) {
    ObjectNode problem = schemas.putObject("Problem");
    problem.put("type", "object");
    problem.putArray("required").add("code").add("title").add("content");
    ObjectNode p = problem.putObject("properties");
    p.putObject("code").put("type", "integer");
    p.putObject("title").put("type", "string");
    p.putObject("content").put("type", "string");
    p.putObject("type").put("type", "string").put("description", "danger");

    ObjectNode field = schemas.putObject("FieldError");
    field.put("type", "object");
    ObjectNode f = field.putObject("properties");
    f.putObject("loc")
        .put("type", "array")
        .put("description", "Where: [\"body\", \"amount\"], [\"query\", \"limit\"], …")
        .putObject("items")
        .putArray("type")
        .add("string")
        .add("integer");
    f.putObject("msg").put("type", "string");
    f.putObject("type").put("type", "string");
    ObjectNode validation = schemas.putObject("ValidationError");
    validation.put("type", "object");
    validation
        .putObject("properties")
        .putObject("detail")
        .put("type", "array")
        .putObject("items")
        .put("$ref", "#/components/schemas/FieldError");

    ObjectNode unauthorized = schemas.putObject("Unauthorized");
    unauthorized.put("type", "object");
    unauthorized.putObject("properties").putObject("detail").put("type", "string");

    ObjectNode failed = schemas.putObject("PaymentFailed");
    failed.put("type", "object");
    ObjectNode error = failed.putObject("properties").putObject("error");
    error.put("type", "object");
    ObjectNode e = error.putObject("properties");
    e.putObject("code").put("type", "integer");
    e.putObject("type").put("type", "string");
    e.putObject("message").put("type", "string");
    e.putObject("decline_reason").put("type", "string");
  }

  /** Replaces the generated stubs with the answers this operation can really give. */
  static void addResponses(ObjectNode op, boolean requiresKey, String method) {
    ObjectNode responses = (ObjectNode) op.withObjectProperty("responses");
    responses.remove("401");
    responses.remove("403");
    responses.remove("400");
    boolean changes = !method.equals("GET") && !method.equals("HEAD");
    answer(
        responses,
        "400",
        "Invalid request: a path, body or Idempotency-Key the edge refuses",
        PROBLEM);
    if (requiresKey) {
      answer(
          responses,
          "401",
          "Missing, malformed, unknown or revoked key (or an ended console session)",
          "#/components/schemas/Unauthorized");
      if (changes) {
        answer(
            responses,
            "403",
            "A console session without its CSRF token, or whose role may not do this",
            PROBLEM);
      }
    }
    answer(
        responses, "404", "Not found: unknown, another merchant's, or the other mode's", PROBLEM);
    if (changes) {
      answer(
          responses,
          "409",
          "Conflict: the object's state forbids it, or an Idempotency-Key reused or in flight",
          PROBLEM);
      answer(
          responses,
          "422",
          "Validation failed: each bad field with where it is",
          "#/components/schemas/ValidationError");
    } else if (op.has("parameters")) {
      answer(
          responses, "422", "A query parameter is invalid", "#/components/schemas/ValidationError");
    }
    retryable(
        answer(responses, "429", "Too many requests: retry after Retry-After seconds", PROBLEM));
    retryable(
        answer(responses, "503", "Briefly unavailable: retry after Retry-After seconds", PROBLEM));
  }

  /** The 402 of a declined card (confirming an intent). */
  static void addDecline(ObjectNode op) {
    answer(
        (ObjectNode) op.withObjectProperty("responses"),
        "402",
        "The card was declined",
        "#/components/schemas/PaymentFailed");
  }

  private static ObjectNode answer(ObjectNode responses, String status, String what, String ref) {
    ObjectNode r = responses.putObject(status);
    r.put("description", what);
    r.putObject("content").putObject("application/json").putObject("schema").put("$ref", ref);
    return r;
  }

  private static void retryable(ObjectNode response) {
    response
        .putObject("headers")
        .putObject("Retry-After")
        .put("description", "Seconds to wait before retrying")
        .putObject("schema")
        .put("type", "integer");
  }
}
