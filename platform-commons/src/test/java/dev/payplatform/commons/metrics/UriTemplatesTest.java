package dev.payplatform.commons.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UriTemplatesTest {

  @Test
  void idsAndOtherValuesBecomePlaceholdersAndWordsStay() {
    assertThat(UriTemplates.of("/v1/webhook_endpoints/we_wNDC3NnDAY7SMBaEa7L7Pw/test"))
        .isEqualTo("/v1/webhook_endpoints/{id}/test");
    assertThat(UriTemplates.of("/v1/payments/intent/pi_1a2b3c4d5e6f7g8h9i0j/confirm"))
        .isEqualTo("/v1/payments/intent/{id}/confirm");
    assertThat(UriTemplates.of("/v1/customers/SomethingOdd42")).isEqualTo("/v1/customers/{param}");
    assertThat(UriTemplates.of("/webjars/chart.js/4.4.7/dist/chart.umd.js"))
        .isEqualTo("/webjars/chart.js/{param}/dist/chart.umd.js");
    assertThat(UriTemplates.of("/v1/payments/{id}")).isEqualTo("/v1/payments/{id}");
    assertThat(UriTemplates.of("/v1/payments/")).isEqualTo("/v1/payments/");
    assertThat(UriTemplates.of("NOT_FOUND")).isEqualTo("NOT_FOUND");
  }
}
