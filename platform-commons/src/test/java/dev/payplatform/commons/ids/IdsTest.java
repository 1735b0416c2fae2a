package dev.payplatform.commons.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void idsArePrefixedUrlSafeAndCarry128RandomBits() {
    String id = Ids.newId("pay");
    assertThat(id).startsWith("pay_").matches("pay_[A-Za-z0-9_-]{22}");
    // 22 base64url characters encode 16 bytes = 128 bits.
    assertThat(id.length() - "pay_".length()).isEqualTo(22);
    assertThat(Ids.looksLike(id, "pay")).isTrue();
    assertThat(Ids.looksLike(id, "cus")).isFalse();
  }

  @Test
  void idsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.add(Ids.newId("evt"))).isTrue();
    }
  }

  @Test
  void clientSecretsNameTheirIntent() {
    String intent = Ids.newId("pi");
    assertThat(Ids.clientSecret(intent)).startsWith(intent + "_secret_").hasSizeGreaterThan(50);
  }

  @Test
  void prefixesAreLowercaseWords() {
    assertThatThrownBy(() -> Ids.newId("Pay")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ids.newId("")).isInstanceOf(IllegalArgumentException.class);
  }
}
