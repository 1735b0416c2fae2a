package dev.payplatform.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class EnvelopeAndKeyRingTest {
  private static final String RING =
      "# rotated 2026-12-05\n"
          + "k1 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"
          + "k2 1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100\n";

  @Test
  void theLastKeyOfTheRingIsActiveAndEveryKeyStaysReadable() {
    KeyRing ring = KeyRing.parse(RING);
    assertThat(ring.activeId()).isEqualTo("k2");
    assertThat(ring.get("k1")).isPresent();
    assertThat(ring.size()).isEqualTo(2);
  }

  @Test
  void aBadRingIsRefusedWithItsLine() {
    assertThatThrownBy(() -> KeyRing.parse("k1 00ff\n")).hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> KeyRing.parse("just-one-word\n")).hasMessageContaining("line 1");
    assertThat(KeyRing.parse("").usable()).isFalse();
  }

  @Test
  void aDataKeyWrappedByOneKeyOpensOnlyWithItAndItsRecord() throws Exception {
    KeyRing ring = KeyRing.parse(RING);
    SecretKey dataKey = Envelope.newDataKey();
    byte[] number = "4242424242424242".getBytes(StandardCharsets.US_ASCII);
    byte[] sealed = Envelope.seal(dataKey, number, "pan|pm_1".getBytes());
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("4242424242424242");
    byte[] wrapped = Envelope.seal(ring.active(), dataKey.getEncoded(), "dek|pm_1|k2".getBytes());

    SecretKey opened =
        Envelope.key(
            Envelope.open(ring.get("k2").orElseThrow(), wrapped, "dek|pm_1|k2".getBytes()));
    assertThat(Envelope.open(opened, sealed, "pan|pm_1".getBytes())).isEqualTo(number);
    // Another key, or the data moved to another record, does not open.
    assertThatThrownBy(
            () -> Envelope.open(ring.get("k1").orElseThrow(), wrapped, "dek|pm_1|k2".getBytes()))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> Envelope.open(opened, sealed, "pan|pm_2".getBytes()))
        .isInstanceOf(GeneralSecurityException.class);
  }
}
