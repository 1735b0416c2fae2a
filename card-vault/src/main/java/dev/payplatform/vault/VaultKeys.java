package dev.payplatform.vault;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The vault's key ring as this process holds it (docs/vault.md): read from {@code
 * vault.key-ring-file} (a Secret, never a database) at start and again at each rotation. Also the
 * additional data that binds a sealed number to its token and a wrapped data key to its token and
 * key id, so a record's parts cannot be swapped between records.
 */
@ApplicationScoped
public class VaultKeys {
  private static final Logger LOG = Logger.getLogger(VaultKeys.class);

  private final Optional<Path> keyRingFile;
  private volatile KeyRing ring;

  public VaultKeys(@ConfigProperty(name = "vault.key-ring-file") Optional<String> keyRingFile) {
    this.keyRingFile = keyRingFile.filter(f -> !f.isBlank()).map(Path::of);
    this.ring = this.keyRingFile.map(KeyRing::read).orElse(KeyRing.empty());
    if (!ring.usable()) {
      LOG.warn(
          "the card vault has no key-encryption key (vault.key-ring-file): live cards cannot be saved");
    }
  }

  /** The ring now; callers keep the one they started with for the whole operation. */
  KeyRing ring() {
    return ring;
  }

  /** Rereads the key ring file (its last key becomes active) and answers the new ring. */
  KeyRing reload() {
    keyRingFile.ifPresent(f -> ring = KeyRing.read(f));
    return ring;
  }

  /** Whether cards can be stored (a key-encryption key is configured). */
  public boolean usable() {
    return ring.usable();
  }

  /** The active key's id, or null when there is none. */
  public String activeKeyId() {
    KeyRing now = ring;
    return now.usable() ? now.activeId() : null;
  }

  static byte[] numberAad(String token) {
    return ("pan|" + token).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] dataKeyAad(String token, String keyId) {
    return ("dek|" + token + "|" + keyId).getBytes(StandardCharsets.UTF_8);
  }
}
