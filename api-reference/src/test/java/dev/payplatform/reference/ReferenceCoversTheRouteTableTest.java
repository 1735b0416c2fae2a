package dev.payplatform.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payplatform.commons.web.RouteTable;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every route of the edge is in the reference, and the reference has nothing the edge hides. */
class ReferenceCoversTheRouteTableTest {

  private static RouteTable routes() throws Exception {
    try (Reader r =
        Files.newBufferedReader(
            Reference.ROOT.resolve("gateway-adapter/src/main/resources/edge-routes.txt"),
            StandardCharsets.UTF_8)) {
      return RouteTable.parse(r, "edge-routes.txt");
    }
  }

  @Test
  void everyRoutedPathHasAnOperationWithItsAuthScheme() throws Exception {
    JsonNode doc = Reference.generated();
    List<String> missing = new ArrayList<>();
    for (RouteTable.Route route : routes().routes()) {
      boolean found = false;
      for (var path = doc.path("paths").fields(); path.hasNext() && !found; ) {
        var p = path.next();
        if (!route.matchesPath(MergeOpenApi.concrete(p.getKey()))) {
          continue;
        }
        for (var op = p.getValue().fields(); op.hasNext(); ) {
          var o = op.next();
          if (route.matchesMethod(o.getKey().toUpperCase(Locale.ROOT))) {
            found = true;
            boolean keyed = o.getValue().path("security").size() > 0;
            assertThat(keyed)
                .as("%s %s: the reference's auth matches the route table", o.getKey(), p.getKey())
                .isEqualTo(route.requiresKey());
          }
        }
      }
      if (!found) {
        missing.add(route.method() + " " + route.pattern());
      }
    }
    assertThat(missing).as("routes with no operation in docs/openapi.yaml").isEmpty();
  }

  @Test
  void everyDocumentedPathIsRoutedOrTheConsolesOwn() throws Exception {
    RouteTable routes = routes();
    JsonNode doc = Reference.generated();
    List<String> unrouted = new ArrayList<>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            p -> {
              if (p.getKey().startsWith("/console/api/")) {
                return;
              }
              p.getValue()
                  .fieldNames()
                  .forEachRemaining(
                      method -> {
                        if (!(routes.match(
                                method.toUpperCase(Locale.ROOT), MergeOpenApi.concrete(p.getKey()))
                            instanceof RouteTable.Match.Found)) {
                          unrouted.add(method + " " + p.getKey());
                        }
                      });
            });
    assertThat(unrouted).isEmpty();
    assertThat(doc.path("paths").has("/admin/merchants")).isFalse();
    assertThat(doc.path("paths").fieldNames()).toIterable().noneMatch(p -> p.startsWith("/q/"));
  }

  @Test
  void everyEventTypeIsAWebhookAndErrorsHaveTheirDocumentedShapes() throws Exception {
    JsonNode doc = Reference.generated();
    assertThat(doc.path("webhooks").has("payment.succeeded")).isTrue();
    assertThat(doc.path("webhooks").has("refund.created")).isTrue();
    assertThat(doc.path("webhooks").has("merchant.created")).isFalse();
    JsonNode create = doc.path("paths").path("/v1/customers").path("post").path("responses");
    assertThat(
            create
                .path("422")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asText())
        .isEqualTo("#/components/schemas/ValidationError");
    assertThat(
            create
                .path("401")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asText())
        .isEqualTo("#/components/schemas/Unauthorized");
    assertThat(create.path("429").path("headers").has("Retry-After")).isTrue();
  }
}
