package dev.payplatform.edge.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class AuditIdTest {
  @Test
  void theAuditLogNamesTheObjectAnAnswerMade() {
    assertThat(Audit.idOf(Buffer.buffer("{\"object\":\"refund\",\"id\":\"re_1\",\"amount\":5}")))
        .isEqualTo("re_1");
    assertThat(Audit.idOf(Buffer.buffer("{\"session_id\":\"cs_1\",\"checkout_url\":\"u\"}")))
        .isEqualTo("cs_1");
    assertThat(
            Audit.idOf(
                Buffer.buffer(
                    "{\"status\":202,\"data\":{\"id_payment\":\"pay_1\",\"redirect\":\"u\"}}")))
        .isEqualTo("pay_1");
    assertThat(Audit.idOf(Buffer.buffer("{\"items\":[{\"id\":\"x\"}]}"))).isNull();
    assertThat(Audit.idOf(Buffer.buffer("not json"))).isNull();
    assertThat(Audit.idOf(Buffer.buffer(""))).isNull();
  }
}
