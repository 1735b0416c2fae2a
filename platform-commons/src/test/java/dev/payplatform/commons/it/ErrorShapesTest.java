package dev.payplatform.commons.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.payplatform.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error a service can give, in the documented shape (docs/api.md, "Errors"). */
@QuarkusTest
class ErrorShapesTest {
  private static final String TOKEN = TestTokens.merchant("mer_errors", "live");

  @Test
  void missingFieldsAre422EntriesNamingEachBodyField() {
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("application/json")
        .body("{}")
        .post("/it/notes")
        .then()
        .statusCode(422)
        .body("detail", hasSize(2))
        .body("detail[0].loc", contains("body", "tags"))
        .body("detail[0].msg", is("field required"))
        .body("detail[0].type", is("value_error.missing"))
        .body("detail[1].loc", contains("body", "text"));
  }

  @Test
  void constraintMessagesAndNestedPathsAreReported() {
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("application/json")
        .body(Map.of("text", "x".repeat(21), "tags", List.of("ok", " ")))
        .post("/it/notes")
        .then()
        .statusCode(422)
        .body("detail.loc", contains(List.of("body", "tags", "1"), List.of("body", "text")))
        .body("detail[1].msg", is("must be at most 20 characters"));
  }

  @Test
  void missingBodyMalformedJsonAndWrongTypesAre422() {
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("application/json")
        .post("/it/notes")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body"));
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("application/json")
        .body("{\"text\": ")
        .post("/it/notes")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body"))
        .body("detail[0].type", is("value_error.jsondecode"));
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("application/json")
        .body("{\"text\":\"a\",\"tags\":{\"x\":1}}")
        .post("/it/notes")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "tags"))
        .body("detail[0].type", is("type_error"));
  }

  @Test
  void moneyErrorsNameTheirField() {
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("application/json")
        .body(Map.of("text", "a", "tags", List.of(), "amount", "10.999", "currency", "USD"))
        .post("/it/notes")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "amount"))
        .body("detail[0].msg", is("USD amounts have at most 2 decimals"));
    given()
        .auth()
        .oauth2(TOKEN)
        .contentType("application/json")
        .body(Map.of("text", "a", "tags", List.of(), "amount", "10", "currency", "ZZZ"))
        .post("/it/notes")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("body", "currency"));
  }

  @Test
  void requestsWithoutAValidInternalTokenAre401WithDetail() {
    given().get("/it/whoami").then().statusCode(401).body("detail", is("Not authenticated."));
    given()
        .auth()
        .oauth2("not.a.jwt")
        .get("/it/whoami")
        .then()
        .statusCode(401)
        .body("detail", is("Not authenticated."));
    given()
        .auth()
        .oauth2(TestTokens.expired("mer_x"))
        .get("/it/whoami")
        .then()
        .statusCode(401)
        .body("detail", is("Not authenticated."));
  }

  @Test
  void theTokenCarriesMerchantAndMode() {
    given()
        .auth()
        .oauth2(TOKEN)
        .get("/it/whoami")
        .then()
        .statusCode(200)
        .body("merchant_id", is("mer_errors"))
        .body("mode", is("live"))
        .body("merchant_name", is("Test Store mer_errors"));
  }

  @Test
  void unknownPathsWrongMethodsAndCrashesUseTheProblemShape() {
    given()
        .get("/it/nowhere")
        .then()
        .statusCode(404)
        .body("code", is(404))
        .body("type", is("danger"))
        .body("title", is("Not found"));
    given().delete("/it/page").then().statusCode(405).body("code", is(405));
    given()
        .get("/it/boom")
        .then()
        .statusCode(500)
        .body("code", is(500))
        .body("type", is("danger"))
        .body(not(containsString("kaboom")))
        .body(not(containsString("Exception")));
  }

  @Test
  void paginationIsValidatedAndEnveloped() {
    given()
        .get("/it/page?limit=5&offset=2")
        .then()
        .statusCode(200)
        .body("items", contains("a"))
        .body("total_items", is(1))
        .body("limit", is(5))
        .body("offset", is(2));
    given()
        .get("/it/page?limit=0")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("query", "limit"));
    given().get("/it/page?limit=abc&offset=-1").then().statusCode(422).body("detail", hasSize(2));
  }

  @Test
  void everyResponseCarriesARequestId() {
    given().get("/it/page").then().header("X-Request-Id", startsWith("req_"));
    given()
        .header("X-Request-Id", "caller-42")
        .get("/it/nowhere")
        .then()
        .header("X-Request-Id", is("caller-42"));
  }
}
