package dev.payplatform.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The merchant's own site, where buyers land after paying (the return_url). */
final class MerchantSite implements AutoCloseable {
  private final HttpServer server;

  MerchantSite() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          byte[] page =
              ("<html><body><h1 id=\"thanks\">Thank you for your order</h1><p id=\"query\">"
                      + exchange.getRequestURI().getQuery()
                      + "</p></body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    server.start();
  }

  /** A return URL on this site; {@code ?ref=…} proves an existing query is kept. */
  String returnUrl(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
