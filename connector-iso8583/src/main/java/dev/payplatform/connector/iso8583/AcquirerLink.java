package dev.payplatform.connector.iso8583;

import dev.payplatform.processor.GatewayAccount;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.time.Duration;
import org.jdom2.Element;
import org.jpos.core.SimpleConfiguration;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOResponseListener;
import org.jpos.iso.channel.NACChannel;
import org.jpos.iso.packager.ISO87BPackager;
import org.jpos.q2.iso.QMUX;

/**
 * One persistent link to an acquirer for one gateway account: a NAC channel (two-byte length
 * header, ISO 8583:1987 binary) kept connected by jPOS's channel adaptor, with jPOS's {@link QMUX}
 * on top to match each answer to its request by STAN (DE 11) and transmission time (DE 7), so many
 * requests share the one connection.
 */
final class AcquirerLink {
  private final GatewayAccount account;
  private final String name;
  private final NACChannel channel;
  private final LinkChannelAdaptor adaptor;
  private final QMUX mux;
  private volatile boolean signedOn;
  private volatile long lastActivity = System.nanoTime();

  AcquirerLink(GatewayAccount account, Iso8583Config config) {
    try {
      this.account = account;
      this.name = "acquirer." + account.id() + "." + System.identityHashCode(this);
      this.channel = new NACChannel(account.host(), account.port(), new ISO87BPackager(), null);
      this.adaptor = new LinkChannelAdaptor(channel);
      this.mux = new QMUX();
      configure(config);
    } catch (java.net.SocketException | org.jpos.core.ConfigurationException e) {
      throw new IllegalStateException("could not set up the acquirer link of " + account, e);
    }
  }

  private void configure(Iso8583Config config)
      throws java.net.SocketException, org.jpos.core.ConfigurationException {
    // A healthy link is never silent for longer: the echo runs every echo interval.
    channel.setTimeout((int) config.echoInterval().multipliedBy(3).toMillis());
    adaptor.setLogger(JposLogBridge.logger());
    adaptor.setName(name);
    adaptor.setConfiguration(new SimpleConfiguration());
    adaptor.setPersist(
        element(
            "channel-adaptor",
            "in",
            name + ".send",
            "out",
            name + ".receive",
            "reconnect-delay",
            Long.toString(config.reconnectDelay().toMillis())));
    mux.setLogger(JposLogBridge.logger());
    mux.setName(name);
    mux.setConfiguration(new SimpleConfiguration());
    mux.setPersist(
        element(
            "qmux",
            "in",
            name + ".receive",
            "out",
            name + ".send",
            "ready",
            name + ".ready",
            "key",
            "11, 7"));
  }

  void start() {
    adaptor.init();
    mux.init();
    adaptor.start();
    mux.start();
  }

  void stop() {
    mux.stop();
    adaptor.stop();
    mux.destroy();
    adaptor.destroy();
  }

  GatewayAccount account() {
    return account;
  }

  boolean connected() {
    return mux.isConnected();
  }

  boolean signedOn() {
    return signedOn && connected();
  }

  void signedOn(boolean value) {
    signedOn = value;
  }

  Duration idle() {
    return Duration.ofNanos(System.nanoTime() - lastActivity);
  }

  /** Drops the connection; the adaptor connects again after its delay. */
  void reconnect() {
    signedOn = false;
    try {
      channel.disconnect();
    } catch (IOException e) {
      // already closed
    }
  }

  /**
   * Sends {@code request} and answers the acquirer's answer, or null when none came within {@code
   * timeout}. Never blocks a thread while waiting.
   */
  Uni<ISOMsg> request(ISOMsg request, Duration timeout) {
    return Uni.createFrom()
        .emitter(
            emitter -> {
              lastActivity = System.nanoTime();
              try {
                mux.request(
                    request,
                    timeout.toMillis(),
                    new ISOResponseListener() {
                      @Override
                      public void responseReceived(ISOMsg answer, Object handBack) {
                        lastActivity = System.nanoTime();
                        emitter.complete(answer);
                      }

                      @Override
                      public void expired(Object handBack) {
                        emitter.complete(null);
                      }
                    },
                    null);
              } catch (ISOException e) {
                emitter.fail(e);
              }
            });
  }

  private static Element element(String root, String... children) {
    Element e = new Element(root);
    for (int i = 0; i < children.length; i += 2) {
      e.addContent(new Element(children[i]).setText(children[i + 1]));
    }
    return e;
  }
}
