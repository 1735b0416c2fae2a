package dev.payplatform.bankrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against an in-process MINA SSHD SFTP server, with ECDSA P-256 keys written as OpenSSH does. */
class SftpBankTest {
  @TempDir Path dir;
  private Path root;
  private SshServer server;
  private KeyPair clientKey;
  private KeyPair hostKey;

  @BeforeEach
  void startServer() throws Exception {
    root = Files.createDirectories(dir.resolve("root"));
    Files.createDirectories(root.resolve("payouts/in"));
    Files.createDirectories(root.resolve("payouts/out/archive"));
    clientKey = p256();
    hostKey = p256();
    KeyPair authorized = clientKey;
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setPublickeyAuthenticator(
        (user, key, session) ->
            "platform-bank".equals(user) && KeyUtils.compareKeys(key, authorized.getPublic()));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    server.start();
  }

  @AfterEach
  void stopServer() throws IOException {
    server.stop(true);
  }

  @Test
  void putListGetAndMoveWorkWithAnOpenSshKeyAndThePinnedHostKey() throws Exception {
    try (SftpBank bank = SftpBank.connect(settings(hostKey))) {
      bank.put("/payouts/in", "m1.xml", "<x/>".getBytes(StandardCharsets.UTF_8));
      Files.writeString(root.resolve("payouts/out/pain002-m1.xml"), "<a/>");
      Files.writeString(root.resolve("payouts/out/camt054-m1.xml"), "<b/>");

      assertThat(Files.readString(root.resolve("payouts/in/m1.xml"))).isEqualTo("<x/>");
      assertThat(root.resolve("payouts/in/m1.xml.part")).doesNotExist();
      assertThat(bank.list("/payouts/out")).containsExactly("camt054-m1.xml", "pain002-m1.xml");
      assertThat(new String(bank.get("/payouts/out", "pain002-m1.xml"), StandardCharsets.UTF_8))
          .isEqualTo("<a/>");

      bank.move("/payouts/out", "pain002-m1.xml", "/payouts/out/archive");

      assertThat(bank.list("/payouts/out")).containsExactly("camt054-m1.xml");
      assertThat(bank.list("/payouts/out/archive")).containsExactly("pain002-m1.xml");
    }
  }

  @Test
  void aServerWithAnotherHostKeyIsRefused() throws Exception {
    assertThatThrownBy(() -> SftpBank.connect(settings(p256()))).isInstanceOf(IOException.class);
  }

  @Test
  void aClientKeyTheServerDoesNotKnowIsRefused() throws Exception {
    clientKey = p256();

    assertThatThrownBy(() -> SftpBank.connect(settings(hostKey))).isInstanceOf(IOException.class);
  }

  private SftpBank.Settings settings(KeyPair pinnedHost) throws Exception {
    Path privateKey = dir.resolve("bank-sftp-key");
    try (OutputStream out = Files.newOutputStream(privateKey)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "test", null, out);
    }
    Path hostPub = dir.resolve("host_key.pub");
    Files.writeString(hostPub, PublicKeyEntry.toString(pinnedHost.getPublic()) + " host\n");
    return new SftpBank.Settings(
        "127.0.0.1", server.getPort(), "platform-bank", privateKey, hostPub, Duration.ofSeconds(5));
  }

  private static KeyPair p256() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }
}
