package dev.payplatform.edge.console.rest;

import dev.payplatform.edge.console.service.ConsoleSessions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** How the console's API answers: never cached, and the session cookie's attributes. */
final class ConsoleAnswers {
  private ConsoleAnswers() {}

  static Response ok(Object entity) {
    return Response.ok(entity).header("Cache-Control", "no-store").build();
  }

  static Response created(Object entity) {
    return Response.status(201).header("Cache-Control", "no-store").entity(entity).build();
  }

  static Response noContent() {
    return Response.noContent().header("Cache-Control", "no-store").build();
  }

  /** A new session: its view and its cookie. */
  static Response started(ConsoleSessions.Started started, HttpServerRequest request) {
    return Response.ok(ConsoleSessionResponse.of(started.session()))
        .cookie(cookie(started.token(), started.lifetime(), request))
        .header("Cache-Control", "no-store")
        .build();
  }

  /** HttpOnly, SameSite=Strict, and Secure everywhere but a loopback address (local http). */
  static NewCookie cookie(String value, Duration lifetime, HttpServerRequest request) {
    return new NewCookie.Builder(ConsoleSessions.COOKIE)
        .value(value)
        .path("/")
        .httpOnly(true)
        .secure(!isLoopback(request))
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge((int) lifetime.toSeconds())
        .build();
  }

  static NewCookie expiredCookie(HttpServerRequest request) {
    return cookie("", Duration.ZERO, request);
  }

  static boolean isLoopback(HttpServerRequest request) {
    String host = request.authority() == null ? "" : request.authority().host();
    return host.equals("localhost")
        || host.equals("127.0.0.1")
        || host.equals("::1")
        || host.equals("[::1]");
  }

  /** The scheme and host the browser used (behind a proxy, the forwarded scheme). */
  static String origin(HttpServerRequest request) {
    String proto = request.getHeader("X-Forwarded-Proto");
    String scheme = proto != null ? proto.strip() : request.scheme();
    return scheme + "://" + request.authority();
  }
}
