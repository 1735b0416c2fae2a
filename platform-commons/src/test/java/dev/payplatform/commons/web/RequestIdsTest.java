package dev.payplatform.commons.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void keepsASafeCallerIdAndReplacesAnythingElse() {
    assertThat(RequestIds.sanitizeOrGenerate("abc-123_x.y:z")).isEqualTo("abc-123_x.y:z");
    assertThat(RequestIds.sanitizeOrGenerate("  trimmed  ")).isEqualTo("trimmed");
    assertThat(RequestIds.sanitizeOrGenerate("bad\r\nInjected: 1")).startsWith("req_");
    assertThat(RequestIds.sanitizeOrGenerate("x".repeat(129))).startsWith("req_");
    assertThat(RequestIds.sanitizeOrGenerate(null)).startsWith("req_");
    assertThat(RequestIds.sanitizeOrGenerate("")).startsWith("req_");
  }

  @Test
  void anIdThatCouldCarryACardNumberIsReplacedNeverLoggedOrStored() {
    assertThat(RequestIds.sanitizeOrGenerate("4242424242424242")).startsWith("req_");
    assertThat(RequestIds.sanitizeOrGenerate("order-4242-4242-4242-4242")).startsWith("req_");
    assertThat(RequestIds.sanitizeOrGenerate("pay.4000.0000.0000.3220")).startsWith("req_");
    // Ordinary ids with digits stay.
    assertThat(RequestIds.sanitizeOrGenerate("e2e-json-5f0c2a1e-9b7d-4c3e-8a2f-1d6e7b9c0a4f"))
        .isEqualTo("e2e-json-5f0c2a1e-9b7d-4c3e-8a2f-1d6e7b9c0a4f");
    assertThat(RequestIds.sanitizeOrGenerate("order-123456789012")).isEqualTo("order-123456789012");
  }
}
