package dev.payplatform.catalog;

import dev.payplatform.commons.testing.ServiceContract;
import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics, OpenAPI, error shapes and the 401 rule, as every service must answer them. */
@QuarkusTest
class CatalogServiceContractTest extends ServiceContract {}
