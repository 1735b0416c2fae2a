package dev.payplatform.edge.console.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payplatform.edge.EchoUpstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The hourly purge, run as the scheduler runs it (on a duplicated Vert.x context): sessions that
 * ended or expired over a week ago are deleted, a live one stays.
 */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class ConsoleHousekeepingTest {
  private static final String ADMIN = "test-admin-token-0123456789abcdef";
  private static final String PASSWORD = "correct horse battery staple";

  @Inject ConsoleHousekeeping housekeeping;
  @Inject Vertx vertx;
  @Inject Pool pool;

  @Test
  void sessionsOverAWeekPastTheirEndAreDeletedAndLiveOnesKept() throws Exception {
    String merchant =
        given()
            .header("Authorization", "Bearer " + ADMIN)
            .contentType("application/json")
            .body(Map.of("name", "Purge shop"))
            .post("/admin/merchants")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String email = "purge-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    given()
        .header("Authorization", "Bearer " + ADMIN)
        .contentType("application/json")
        .body(Map.of("email", email, "password", PASSWORD))
        .post("/admin/merchants/" + merchant + "/users")
        .then()
        .statusCode(201);
    signIn(email);
    signIn(email);
    String old = sessionIds(merchant)[0];
    pool.preparedQuery(
            "update console_session set expires_at = now() - interval '8 days' where id = $1")
        .execute(Tuple.of(old))
        .await()
        .atMost(Duration.ofSeconds(5));

    // As the scheduler runs a method returning Uni: on a duplicated context flagged safe.
    CompletableFuture<Void> purged = new CompletableFuture<>();
    Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
    VertxContextSafetyToggle.setContextSafe(context, true);
    context.runOnContext(
        v -> {
          try {
            housekeeping.purge().subscribe().with(purged::complete, purged::completeExceptionally);
          } catch (RuntimeException e) {
            purged.completeExceptionally(e);
          }
        });
    purged.get(10, TimeUnit.SECONDS);

    String[] left = sessionIds(merchant);
    assertThat(left).hasSize(1).doesNotContain(old);
  }

  private static void signIn(String email) {
    given()
        .contentType("application/json")
        .body(Map.of("email", email, "password", PASSWORD))
        .post("/console/api/session")
        .then()
        .statusCode(200);
  }

  private String[] sessionIds(String merchant) {
    var rows =
        pool.preparedQuery(
                "select id from console_session where merchant_id = $1 order by created_at, id")
            .execute(Tuple.of(merchant))
            .await()
            .atMost(Duration.ofSeconds(5));
    java.util.List<String> ids = new java.util.ArrayList<>();
    rows.forEach(r -> ids.add(r.getString("id")));
    return ids.toArray(String[]::new);
  }
}
