package dev.payplatform.commons.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListQueryTest {

  @Test
  void createdBoundsAcceptUnixSecondsAndIsoTimestamps() {
    ListQuery query = new ListQuery(null, null);
    CreatedRange range = query.created("1764316800", "2026-11-28T09:00:00+01:00");
    assertThat(range.gte()).isEqualTo(Instant.parse("2025-11-28T08:00:00Z"));
    assertThat(range.lte()).isEqualTo(Instant.parse("2026-11-28T08:00:00Z"));
    assertThat(query.page()).isEqualTo(new PageRequest(10, 0));
  }

  @Test
  void absentOrEmptyBoundsAreNoFilter() {
    CreatedRange range = new ListQuery(null, null).created(null, "");
    assertThat(range).isEqualTo(new CreatedRange(null, null));
    assertThat(range.where()).isEmpty();
    assertThat(range.bind(new Parameters()).map()).isEmpty();
  }

  @Test
  void eachBoundAddsItsConditionAndParameter() {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = Instant.parse("2026-02-01T00:00:00Z");
    assertThat(new CreatedRange(from, null).where()).isEqualTo(" and createdAt >= :createdGte");
    assertThat(new CreatedRange(null, to).where()).isEqualTo(" and createdAt <= :createdLte");
    CreatedRange both = new CreatedRange(from, to);
    assertThat(both.where())
        .isEqualTo(" and createdAt >= :createdGte and createdAt <= :createdLte");
    assertThat(both.bind(Parameters.with("merchantId", "m")).map())
        .containsEntry("createdGte", from)
        .containsEntry("createdLte", to)
        .containsEntry("merchantId", "m");
  }

  @Test
  void badBoundsAreOne422NamingEachAfterThePagingErrors() {
    ListQuery query = new ListQuery("0", null);
    query.created("yesterday", "2026-11-28T08:00:00");
    assertThatThrownBy(query::page)
        .isInstanceOf(ValidationFailedException.class)
        .satisfies(
            e -> {
              List<FieldError> errors = ((ValidationFailedException) e).errors();
              assertThat(errors)
                  .extracting(FieldError::loc)
                  .containsExactly(
                      List.of("query", "limit"),
                      List.of("query", "created[gte]"),
                      List.of("query", "created[lte]"));
              assertThat(errors.get(1).msg())
                  .isEqualTo("must be Unix seconds or an ISO-8601 timestamp with an offset");
            });
  }
}
