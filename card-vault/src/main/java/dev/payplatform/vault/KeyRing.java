package dev.payplatform.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * The key-encryption keys: one line per key, {@code <key id> <64 hex digits>}, in a file that only
 * checkout's process reads (locally {@code .platform/keys/vault-keys}; on Kubernetes the Secret
 * {@code payplatform-vault-keys}, mounted). The last line is the active key, which wraps every new
 * data key; the others stay to open records not yet re-wrapped. A rotation appends a key and
 * re-wraps every record under it ({@link CardVault#rewrap}); a key can be removed once no record
 * names it ({@link CardVault#keyUsage}).
 */
final class KeyRing {
  private final Map<String, SecretKey> keys;
  private final String activeId;

  private KeyRing(Map<String, SecretKey> keys, String activeId) {
    this.keys = Map.copyOf(keys);
    this.activeId = activeId;
  }

  static KeyRing empty() {
    return new KeyRing(Map.of(), null);
  }

  static KeyRing read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the vault's key ring " + file, e);
    }
  }

  static KeyRing parse(String text) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    String last = null;
    int n = 0;
    for (String line : text.split("\n")) {
      n++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split("\\s+");
      if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9._-]{1,64}")) {
        throw new IllegalArgumentException(
            "line " + n + " of the vault's key ring is not '<key id> <64 hex digits>'");
      }
      byte[] raw;
      try {
        raw = HexFormat.of().parseHex(parts[1]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + n + " of the vault's key ring: not hex");
      }
      if (keys.containsKey(parts[0])) {
        throw new IllegalArgumentException("key id " + parts[0] + " is in the key ring twice");
      }
      keys.put(parts[0], Envelope.key(raw));
      last = parts[0];
    }
    return new KeyRing(keys, last);
  }

  boolean usable() {
    return activeId != null;
  }

  String activeId() {
    if (activeId == null) {
      throw new IllegalStateException("the vault has no key-encryption key (vault.key-ring-file)");
    }
    return activeId;
  }

  SecretKey active() {
    return keys.get(activeId());
  }

  Optional<SecretKey> get(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  Set<String> ids() {
    return keys.keySet();
  }

  int size() {
    return keys.size();
  }
}
