package dev.payplatform.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.payplatform.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Without the edge's valid internal JWT every catalog endpoint answers 401 {"detail": ...}, before
 * looking at the body (a bad body is still 401, not 422) and without storing anything.
 */
@QuarkusTest
class UnauthenticatedRequestsTest {

  static Stream<Arguments> endpoints() {
    return Stream.of(
        Arguments.of("POST", "/v1/products", "{\"name\":\"x\"}"),
        Arguments.of("POST", "/v1/products", "{}"),
        Arguments.of("GET", "/v1/products", null),
        Arguments.of("GET", "/v1/products/prod_AAAAAAAAAAAAAAAAAAAAAA", null),
        Arguments.of("POST", "/v1/plans", "{}"),
        Arguments.of("GET", "/v1/plans", null),
        Arguments.of("GET", "/v1/plans/plan_AAAAAAAAAAAAAAAAAAAAAA", null),
        Arguments.of("POST", "/v1/customers", "{\"email\":\"a@example.com\"}"),
        Arguments.of("GET", "/v1/customers?limit=abc", null),
        Arguments.of("GET", "/v1/customers/cus_AAAAAAAAAAAAAAAAAAAAAA", null));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("endpoints")
  void withoutAValidTokenIs401(String method, String path, String body) {
    long products = Db.count("select count(*) from product");
    long customers = Db.count("select count(*) from customer");
    for (RequestSpecification request :
        new RequestSpecification[] {
          given(),
          given().auth().oauth2("not.a.jwt"),
          given().auth().oauth2(TestTokens.expired("mer_expired")),
          given().header("X-Api-Key", "sk_test_not_for_services")
        }) {
      request.contentType("application/json").urlEncodingEnabled(false);
      if (body != null) {
        request.body(body);
      }
      request
          .request(method, path)
          .then()
          .statusCode(401)
          .contentType("application/json")
          .body("detail", is("Not authenticated."));
    }
    assertThat(Db.count("select count(*) from product")).isEqualTo(products);
    assertThat(Db.count("select count(*) from customer")).isEqualTo(customers);
  }
}
