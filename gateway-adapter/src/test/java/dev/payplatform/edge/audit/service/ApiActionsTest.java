package dev.payplatform.edge.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiActionsTest {
  private static final String ID = "we_ABCDEFGHIJKLMNOPQRSTUV";

  @Test
  void aCallIsNamedByItsPathsWordsAndAVerb() {
    assertThat(ApiActions.of("POST", "/v1/refunds"))
        .isEqualTo(new ApiActions.Named("refunds.create", null));
    assertThat(ApiActions.of("POST", "/v1/payment-links"))
        .isEqualTo(new ApiActions.Named("payment_links.create", null));
    assertThat(ApiActions.of("POST", "/v1/payments/session"))
        .isEqualTo(new ApiActions.Named("payments.session.create", null));
    assertThat(ApiActions.of("POST", "/v1/webhook_endpoints/" + ID))
        .isEqualTo(new ApiActions.Named("webhook_endpoints.update", ID));
    assertThat(ApiActions.of("PATCH", "/v1/webhook_endpoints/" + ID))
        .isEqualTo(new ApiActions.Named("webhook_endpoints.update", ID));
    assertThat(ApiActions.of("DELETE", "/v1/webhook_endpoints/" + ID))
        .isEqualTo(new ApiActions.Named("webhook_endpoints.delete", ID));
    assertThat(ApiActions.of("POST", "/v1/webhook_endpoints/" + ID + "/rotate_secret"))
        .isEqualTo(new ApiActions.Named("webhook_endpoints.rotate_secret", ID));
  }
}
