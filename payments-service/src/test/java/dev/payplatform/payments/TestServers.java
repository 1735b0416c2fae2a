package dev.payplatform.payments;

import dev.payplatform.commons.testing.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** This module's tests get PostgreSQL and Kafka from the local servers or containers. */
@WithTestResource(
    value = PlatformTestResource.class,
    scope = TestResourceScope.GLOBAL,
    initArgs = {
      @ResourceArg(name = "database", value = "payments_test"),
      @ResourceArg(name = "role", value = "payments")
    })
final class TestServers {
  private TestServers() {}
}
