package dev.payplatform.bankrail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * The platform's SFTP connection to its bank, on Apache MINA SSHD: public-key authentication only,
 * from an OpenSSH private key file, and only to the server whose host key is pinned (an OpenSSH
 * public key line; any other key is refused, there is no trust on first use). Calls block: callers
 * run them on a worker thread. One connection per instance; close it when done.
 */
public final class SftpBank implements AutoCloseable {
  public record Settings(
      String host, int port, String user, Path privateKey, Path hostPublicKey, Duration timeout) {}

  private static final String PART = ".part";

  private final SshClient client;
  private final ClientSession session;
  private final SftpClient sftp;

  private SftpBank(SshClient client, ClientSession session, SftpClient sftp) {
    this.client = client;
    this.session = session;
    this.sftp = sftp;
  }

  public static SftpBank connect(Settings s) throws IOException {
    PublicKey pinned = hostKey(s.hostPublicKey());
    List<KeyPair> identities = new ArrayList<>();
    new FileKeyPairProvider(s.privateKey()).loadKeys(null).forEach(identities::add);
    if (identities.isEmpty()) {
      throw new IOException("no private key in " + s.privateKey());
    }
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier((session, address, key) -> KeyUtils.compareKeys(pinned, key));
    client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
    client.start();
    ClientSession session = null;
    try {
      session = client.connect(s.user(), s.host(), s.port()).verify(s.timeout()).getSession();
      identities.forEach(session::addPublicKeyIdentity);
      session.auth().verify(s.timeout());
      SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
      return new SftpBank(client, session, sftp);
    } catch (IOException | RuntimeException e) {
      if (session != null) {
        session.close(true);
      }
      client.stop();
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  /** Writes {@code name.part}, then renames it: the bank never reads half a file. */
  public void put(String dir, String name, byte[] content) throws IOException {
    String part = path(dir, name + PART);
    try (OutputStream out = sftp.write(part)) {
      out.write(content);
    }
    sftp.rename(part, path(dir, name));
  }

  /** Regular files only (no directories, no links), sorted by name. */
  public List<String> list(String dir) throws IOException {
    List<String> names = new ArrayList<>();
    for (SftpClient.DirEntry entry : sftp.readDir(dir)) {
      if (entry.getAttributes().isRegularFile()) {
        names.add(entry.getFilename());
      }
    }
    names.sort(null);
    return names;
  }

  public byte[] get(String dir, String name) throws IOException {
    try (InputStream in = sftp.read(path(dir, name))) {
      return in.readAllBytes();
    }
  }

  /** Moves a file that has been read (and recorded) out of the way, keeping its name. */
  public void move(String dir, String name, String toDir) throws IOException {
    sftp.rename(path(dir, name), path(toDir, name));
  }

  @Override
  public void close() throws IOException {
    try {
      sftp.close();
    } finally {
      try {
        session.close();
      } finally {
        client.stop();
      }
    }
  }

  private static String path(String dir, String name) {
    if (name.isEmpty() || name.contains("/")) {
      throw new IllegalArgumentException("a file name, not a path: " + name);
    }
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  // The first key line of an OpenSSH .pub (or known_hosts-style) file.
  static PublicKey hostKey(Path file) throws IOException {
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      try {
        return PublicKeyEntry.parsePublicKeyEntry(trimmed)
            .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new IOException("not an OpenSSH public key in " + file + ": " + e.getMessage(), e);
      }
    }
    throw new IOException("no public key in " + file);
  }
}
