package dev.payplatform.edge.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payplatform.commons.retention.RetentionSweep;
import dev.payplatform.commons.sweep.Sweeps;
import dev.payplatform.commons.testing.SweepPasses;
import dev.payplatform.edge.EchoUpstreams;
import dev.payplatform.edge.audit.service.AuditEventRetention;
import dev.payplatform.edge.console.service.ConsoleInviteRetention;
import dev.payplatform.edge.console.service.ConsoleSessionRetention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The edge's retention sweeps, each pass run as the scheduler runs it (on a duplicated Vert.x
 * context): what is past its retention goes, what is not stays, and the audit log still refuses
 * every other delete.
 */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class EdgeRetentionTest {
  private static final String ADMIN = "test-admin-token-0123456789abcdef";
  private static final String PASSWORD = "correct horse battery staple";

  @Inject ConsoleSessionRetention sessions;
  @Inject ConsoleInviteRetention invites;
  @Inject IdempotencyRecordRetention idempotencyRecords;
  @Inject AuditEventRetention auditEvents;
  @Inject Vertx vertx;
  @Inject Pool pool;

  @Test
  void sessionsOverAWeekPastTheirEndAreDeletedAndLiveOnesKept() throws Exception {
    String merchant = merchant("Purge shop");
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
    String old =
        ids("select id from console_session where merchant_id = $1 order by id", merchant).get(0);
    sql("update console_session set expires_at = now() - interval '8 days' where id = $1", old);

    assertThat(pass(sessions).resolved()).isGreaterThanOrEqualTo(1);

    assertThat(ids("select id from console_session where merchant_id = $1", merchant))
        .hasSize(1)
        .doesNotContain(old);
  }

  @Test
  void expiredIdempotencyRecordsAreDeletedAndLiveOnesKept() throws Exception {
    String merchant = "acct_retention_" + UUID.randomUUID().toString().substring(0, 8);
    String insert =
        "insert into idempotency_record (merchant_id, livemode, idem_key, fingerprint, state,"
            + " expires_at) values ($1, false, $2, 'f', 'done', now() + $3 * interval '1 second')";
    pool.preparedQuery(insert)
        .execute(Tuple.of(merchant, "expired", -60))
        .await()
        .atMost(Duration.ofSeconds(5));
    pool.preparedQuery(insert)
        .execute(Tuple.of(merchant, "live", 3600))
        .await()
        .atMost(Duration.ofSeconds(5));

    assertThat(pass(idempotencyRecords).resolved()).isGreaterThanOrEqualTo(1);

    assertThat(ids("select idem_key from idempotency_record where merchant_id = $1", merchant))
        .containsExactly("live");
  }

  @Test
  void expiredInvitesAreDeletedAWeekLater() throws Exception {
    String merchant = merchant("Invite purge shop");
    String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String owner =
        given()
            .header("Authorization", "Bearer " + ADMIN)
            .contentType("application/json")
            .body(Map.of("email", email, "password", PASSWORD))
            .post("/admin/merchants/" + merchant + "/users")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String insert =
        "insert into console_invite (id, token_hash, merchant_id, email, role, invited_by,"
            + " created_at, expires_at) values ($1, convert_to($2, 'UTF8'), $3, 'x@example.com', 'viewer', $4,"
            + " now() - interval '20 days', now() + $5 * interval '1 day')";
    for (var invite :
        List.of(Map.entry("inv_old_" + merchant, -8), Map.entry("inv_new_" + merchant, 1))) {
      pool.preparedQuery(insert)
          .execute(
              Tuple.of(invite.getKey(), invite.getKey(), merchant, owner)
                  .addInteger(invite.getValue()))
          .await()
          .atMost(Duration.ofSeconds(5));
    }

    assertThat(pass(invites).resolved()).isGreaterThanOrEqualTo(1);

    assertThat(ids("select id from console_invite where merchant_id = $1", merchant))
        .containsExactly("inv_new_" + merchant);
  }

  @Test
  void auditEventsOlderThanTheRetentionAreDeletedAndNothingElseMayDeleteThem() throws Exception {
    String merchant = "acct_audit_" + UUID.randomUUID().toString().substring(0, 8);
    String insert =
        "insert into audit_event (id, merchant_id, livemode, created_at, actor_type, actor_id,"
            + " action, outcome, status, method, path) values ($1, $2, false,"
            + " now() - $3 * interval '1 day', 'api_key', 'key_1', 'refunds.create', 'success',"
            + " 200, 'POST', '/v1/refunds')";
    for (var row :
        List.of(Map.entry("old", 400), Map.entry("older", 500), Map.entry("recent", 30))) {
      pool.preparedQuery(insert)
          .execute(Tuple.of(row.getKey() + "_" + merchant, merchant, row.getValue()))
          .await()
          .atMost(Duration.ofSeconds(5));
    }

    // Outside the sweep the log stays append-only, however old the row.
    assertThatThrownBy(() -> sql("delete from audit_event where id = $1", "older_" + merchant))
        .hasMessageContaining("append-only");

    assertThat(pass(auditEvents).resolved()).isGreaterThanOrEqualTo(2);

    assertThat(ids("select id from audit_event where merchant_id = $1", merchant))
        .containsExactly("recent_" + merchant);
    // Declaring a retention lets nothing younger than it go.
    assertThatThrownBy(
            () ->
                pool.withTransaction(
                        c ->
                            c.query(
                                    "select set_config('payplatform.audit_retention',"
                                        + " '394 days', true)")
                                .execute()
                                .chain(
                                    () ->
                                        c.preparedQuery("delete from audit_event where id = $1")
                                            .execute(Tuple.of("recent_" + merchant))))
                    .await()
                    .atMost(Duration.ofSeconds(5)))
        .hasMessageContaining("append-only");
  }

  private Sweeps.Pass pass(RetentionSweep sweep) throws Exception {
    return SweepPasses.runOnce(vertx, sweep);
  }

  private static String merchant(String name) {
    return given()
        .header("Authorization", "Bearer " + ADMIN)
        .contentType("application/json")
        .body(Map.of("name", name))
        .post("/admin/merchants")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static void signIn(String email) {
    given()
        .contentType("application/json")
        .body(Map.of("email", email, "password", PASSWORD))
        .post("/console/api/session")
        .then()
        .statusCode(200);
  }

  private void sql(String sql, String id) {
    pool.preparedQuery(sql).execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5));
  }

  private List<String> ids(String sql, String merchant) {
    List<String> ids = new ArrayList<>();
    pool.preparedQuery(sql)
        .execute(Tuple.of(merchant))
        .await()
        .atMost(Duration.ofSeconds(5))
        .forEach(r -> ids.add(r.getString(0)));
    return ids;
  }
}
