package dev.payplatform.catalog;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Another merchant's object, or the same merchant's object in the other mode, is a 404 (never a
 * 403) and never appears in a list, with or without filters: every query starts from {@code
 * Tenant.WHERE}.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {
  private final String owner = Api.newMerchant();
  private final String other = Api.newMerchant();
  private final String email = "owner-" + owner + "@example.com";
  private String product;
  private String plan;
  private String customer;

  // Not @BeforeAll: Quarkus points REST Assured at the test port only around each test.
  @BeforeEach
  void ownerHasOneOfEachInTestMode() {
    if (product != null) {
      return;
    }
    product = Api.createProduct(owner, "test", "Owned");
    plan = Api.createPlan(owner, "test", product, 900);
    customer = Api.createCustomer(owner, "test", email);
  }

  @Test
  void theOwnerSeesThem() {
    Api.asTest(owner).get("/v1/products/" + product).then().statusCode(200);
    Api.asTest(owner).get("/v1/plans/" + plan).then().statusCode(200);
    Api.asTest(owner).get("/v1/customers/" + customer).then().statusCode(200);
    Api.asTest(owner).get("/v1/products").then().body("items.id", contains(product));
    Api.asTest(owner).get("/v1/plans").then().body("items.id", contains(plan));
    Api.asTest(owner).get("/v1/customers").then().body("items.id", contains(customer));
  }

  @Test
  void anotherMerchantGets404ForEachObject() {
    assertHidden(() -> Api.asTest(other));
  }

  @Test
  void theOwnersLiveKeyGets404ForTestObjects() {
    assertHidden(() -> Api.as(owner, "live"));
  }

  @Test
  void testKeysDoNotSeeLiveObjects() {
    String liveMerchant = Api.newMerchant();
    String liveProduct = Api.createProduct(liveMerchant, "live", "Live");
    Api.asTest(liveMerchant).get("/v1/products/" + liveProduct).then().statusCode(404);
    Api.asTest(liveMerchant).get("/v1/products").then().body("total_items", is(0));
    Api.as(liveMerchant, "live").get("/v1/products").then().body("items.id", contains(liveProduct));
  }

  private void assertHidden(Supplier<RequestSpecification> as) {
    notFound(as.get(), "/v1/products/" + product);
    notFound(as.get(), "/v1/plans/" + plan);
    notFound(as.get(), "/v1/customers/" + customer);
    emptyList(as.get(), "/v1/products");
    emptyList(as.get(), "/v1/products?active=true");
    emptyList(as.get(), "/v1/plans");
    emptyList(as.get(), "/v1/plans?product_id=" + product);
    emptyList(as.get(), "/v1/customers");
    emptyList(as.get().queryParam("email", email), "/v1/customers");
  }

  private static void notFound(RequestSpecification request, String path) {
    request.get(path).then().statusCode(404).body("code", is(404)).body("type", is("danger"));
  }

  private static void emptyList(RequestSpecification request, String path) {
    request.get(path).then().statusCode(200).body("items", empty()).body("total_items", is(0));
  }
}
