package dev.payplatform.commons.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeysTest {

  @Test
  void readsKeysFromAFilePathAFileUrlAndTheClasspath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("private.pem");
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("testing/internal-jwt-private.pem")) {
      Files.write(file, in.readAllBytes());
    }
    var fromPath = PemKeys.privateKey(file.toString());
    assertThat(fromPath.getAlgorithm()).isEqualTo("RSA");
    assertThat(PemKeys.privateKey("file:" + file)).isEqualTo(fromPath);
    assertThat(PemKeys.privateKey("testing/internal-jwt-private.pem")).isEqualTo(fromPath);
    assertThat(PemKeys.privateKey("classpath:testing/internal-jwt-private.pem"))
        .isEqualTo(fromPath);
    assertThat(PemKeys.publicKey("testing/internal-jwt-public.pem").getAlgorithm())
        .isEqualTo("RSA");
  }

  @Test
  void aMissingKeySaysWhere() {
    assertThatThrownBy(() -> PemKeys.privateKey("/nowhere/key.pem"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nowhere/key.pem");
  }
}
