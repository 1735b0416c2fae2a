package dev.payplatform.acquirer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jpos.iso.ISOChannel;
import org.jpos.iso.ISOServer;
import org.jpos.iso.ISOServerAcceptEvent;
import org.jpos.iso.channel.NACChannel;
import org.jpos.iso.packager.ISO87BPackager;
import org.jpos.util.ThreadPool;

/**
 * The acquirer host: a jPOS {@link ISOServer} speaking ISO 8583:1987 binary ({@link
 * ISO87BPackager}) over NAC framing (a two-byte length header, {@link NACChannel}), answering with
 * {@link Authorizer}. Operators (and the fault suite) can hold or drop answers ({@link
 * HostFaults}), close every connection, or refuse new ones.
 */
public final class AcquirerHost implements AutoCloseable {
  private final int port;
  private final AcquirerRecord record;
  private final SettlementReport settlement;
  private final SettlementExceptions exceptions;
  private final HostFaults faults = new HostFaults();
  private final Authorizer authorizer;
  private final Set<ISOChannel> connections = ConcurrentHashMap.newKeySet();
  private ISOServer server;

  public AcquirerHost(int port, Path dataDir, Clock clock) {
    this.port = port;
    this.record = new AcquirerRecord(dataDir);
    this.exceptions = new SettlementExceptions(record, dataDir, clock);
    this.settlement = new SettlementReport(record, exceptions, dataDir);
    this.authorizer = new Authorizer(record, faults, clock);
  }

  public synchronized void start() {
    if (server != null) {
      return;
    }
    ISOServer s;
    try {
      s = new ISOServer(port, new NACChannel(new ISO87BPackager(), null), new ThreadPool(1, 64));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    s.addISORequestListener(authorizer);
    s.addServerEventListener(
        event -> {
          if (event instanceof ISOServerAcceptEvent accepted) {
            connections.add(accepted.getISOChannel());
          }
        });
    Thread t = new Thread(s, "acquirer-host-" + port);
    t.setDaemon(true);
    t.start();
    server = s;
  }

  /** Closes every open connection; new ones are still accepted. */
  public void closeConnections() {
    for (ISOChannel c : connections) {
      try {
        c.disconnect();
      } catch (IOException e) {
        // already gone
      }
      connections.remove(c);
    }
  }

  /** Stops listening and closes every connection: connection attempts are refused. */
  public synchronized void refuseConnections() {
    if (server != null) {
      server.shutdown();
      server = null;
      awaitClosed();
    }
    closeConnections();
  }

  /** {@link ISOServer#shutdown} closes its socket on a thread of its own: wait for it. */
  private void awaitClosed() {
    long until = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < until) {
      try (java.net.Socket probe = new java.net.Socket()) {
        probe.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
      } catch (IOException refused) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Listens again after {@link #refuseConnections}. */
  public synchronized void acceptConnections() {
    start();
  }

  public synchronized boolean accepting() {
    return server != null;
  }

  public int port() {
    return port;
  }

  public HostFaults faults() {
    return faults;
  }

  public AcquirerRecord record() {
    return record;
  }

  public SettlementReport settlement() {
    return settlement;
  }

  public SettlementExceptions settlementExceptions() {
    return exceptions;
  }

  @Override
  public void close() {
    faults.clear();
    refuseConnections();
  }
}
