package dev.payplatform.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The edge serves the merged API reference and its page, same-origin only, without a key. */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
class ApiReferenceTest {

  @Test
  void theReferenceAndItsPageAreServedWithoutAKeyUnderAStrictPolicy() {
    given()
        .get("/openapi.yaml")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", containsString("default-src 'self'"))
        .body(containsString("openapi: 3.1.0"))
        .body(containsString("/v1/payments/session:"))
        .body(containsString("webhooks:"));
    given()
        .redirects()
        .follow(false)
        .get("/docs")
        .then()
        .statusCode(301)
        .header("Location", "/docs/");
    given()
        .get("/docs/")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", containsString("script-src 'self'"))
        .header("X-Frame-Options", "DENY")
        .body(containsString("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js"));
    given().get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").then().statusCode(200);
    given().get("/docs/reference.js").then().statusCode(200);
  }
}
