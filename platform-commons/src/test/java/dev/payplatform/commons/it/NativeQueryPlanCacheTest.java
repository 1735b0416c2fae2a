package dev.payplatform.commons.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.time.Duration;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * Hibernate keys a native query's plan by its SQL and its result mapping, and the mapping of a
 * native query never equals the next one's (Hibernate ORM 7.2): every execution adds a plan under
 * the same hash. With Hibernate's default bound (2,048) a hot native query's lookups walked
 * thousands of same-hash entries, comparing the whole SQL text with each: 8 % of events-service's
 * CPU under load, and the flood evicted the HQL plans that do hit (decision 0036). The bound is now
 * small, so a lookup walks a few dozen at most.
 */
@QuarkusTest
class NativeQueryPlanCacheTest {
  @Inject Mutiny.SessionFactory factory;

  @Test
  void aNativeQueryRunManyTimesKeepsTheQueryPlanCacheWithinItsSmallBound() throws Exception {
    for (int i = 0; i < 300; i++) {
      long n = i;
      factory
          .withSession(
              s ->
                  s.createNativeQuery("select ?1 + 1 as next", Long.class)
                      .setParameter(1, n)
                      .getSingleResult())
          .await()
          .atMost(Duration.ofSeconds(10));
    }

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(cachedQueryPlans()).isLessThanOrEqualTo(64));
  }

  private int cachedQueryPlans() throws ReflectiveOperationException {
    Object sessionFactory = ClientProxy.unwrap(factory);
    Field delegate = sessionFactory.getClass().getDeclaredField("delegate");
    delegate.setAccessible(true);
    return ((SessionFactoryImplementor) delegate.get(sessionFactory))
        .getQueryEngine()
        .getInterpretationCache()
        .getNumberOfCachedQueryPlans();
  }
}
