package dev.payplatform.commons.keys;

import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * Reads PEM keys from where operators put them: a file path (the local platform's {@code
 * .platform/keys/…}, a mounted Kubernetes Secret), {@code file:…}, or {@code classpath:…} / a
 * classpath resource (the tests' keys in the platform-commons test-jar).
 */
public final class PemKeys {
  private PemKeys() {}

  public static PrivateKey privateKey(String location) {
    try {
      return KeyUtils.decodePrivateKey(read(location));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the private key at " + location, e);
    }
  }

  public static PublicKey publicKey(String location) {
    try {
      return KeyUtils.decodePublicKey(read(location));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the public key at " + location, e);
    }
  }

  static String read(String location) throws IOException {
    String loc = location.strip();
    if (loc.startsWith("file:")) {
      return Files.readString(Path.of(loc.substring("file:".length())), StandardCharsets.UTF_8);
    }
    boolean classpathOnly = loc.startsWith("classpath:");
    if (classpathOnly) {
      loc = loc.substring("classpath:".length());
    } else {
      Path file = Path.of(loc);
      if (Files.isRegularFile(file)) {
        return Files.readString(file, StandardCharsets.UTF_8);
      }
    }
    String resource = loc.startsWith("/") ? loc.substring(1) : loc;
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    try (InputStream in =
        (cl != null ? cl : PemKeys.class.getClassLoader()).getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no file or classpath resource " + location);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
