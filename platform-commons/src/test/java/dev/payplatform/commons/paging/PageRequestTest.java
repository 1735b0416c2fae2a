package dev.payplatform.commons.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void defaultsAreTenAndZero() {
    assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(10, 0));
    assertThat(PageRequest.parse("", "")).isEqualTo(new PageRequest(10, 0));
  }

  @Test
  void acceptsTheDocumentedRange() {
    assertThat(PageRequest.parse("1", "0")).isEqualTo(new PageRequest(1, 0));
    assertThat(PageRequest.parse("100", "5000")).isEqualTo(new PageRequest(100, 5000));
  }

  @Test
  void everyBadValueIsA422EntryNamingItsQueryField() {
    for (String[] bad :
        new String[][] {
          {"0", "0"},
          {"101", "0"},
          {"-1", "0"},
          {"abc", "0"},
          {"10", "-1"},
          {"10", "x"},
          {"1.5", "0"},
          {"99999999999", "0"}
        }) {
      assertThatThrownBy(() -> PageRequest.parse(bad[0], bad[1]))
          .isInstanceOf(ValidationFailedException.class)
          .satisfies(
              e -> {
                FieldError fe = ((ValidationFailedException) e).errors().get(0);
                assertThat(fe.loc().get(0)).isEqualTo("query");
                assertThat(fe.loc().get(1)).isIn("limit", "offset");
              });
    }
  }

  @Test
  void bothBadFieldsAreReportedTogether() {
    assertThatThrownBy(() -> PageRequest.parse("0", "-3"))
        .isInstanceOf(ValidationFailedException.class)
        .satisfies(
            e ->
                assertThat(((ValidationFailedException) e).errors())
                    .extracting(FieldError::loc)
                    .containsExactly(List.of("query", "limit"), List.of("query", "offset")));
  }
}
