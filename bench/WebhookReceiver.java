import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A merchant's webhook receiver for bench/webhooks: answers every POST 200 at once on
 * 127.0.0.1:PORT and counts them. Run as: java bench/WebhookReceiver.java PORT
 */
public class WebhookReceiver {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    // Without it the JDK server's separate header and body writes meet the client's delayed ACK:
    // ~40 ms per answer that are the receiver's, not the platform's.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    AtomicLong received = new AtomicLong();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          received.incrementAndGet();
          byte[] ok = "ok".getBytes();
          exchange.sendResponseHeaders(200, ok.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(ok);
          }
        });
    server.start();
    System.out.println("listening on " + port);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> System.out.println("received " + received.get())));
  }
}
