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
}
