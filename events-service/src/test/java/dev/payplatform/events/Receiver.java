package dev.payplatform.events;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP receiver on a free local port: answers each request with the next scripted answer
 * (200 when the script is used up) and keeps what it received. While it {@link #hold holds}, it
 * answers nothing until {@link #release}, like a slow receiver; it counts the most requests it had
 * open at once, in all and per {@code webhook-id}.
 */
public final class Receiver implements AutoCloseable {
  private static final Vertx VERTX = Vertx.vertx();

  /** A request as it arrived. */
  public record Received(Map<String, List<String>> headers, String body, Instant at) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase());
      return values == null ? null : values.get(0);
    }
  }

  /** One scripted answer. */
  public record Answer(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  // Guarded by itself: the requests held unanswered, what is open per webhook-id, the peaks.
  private final List<Received> held = new ArrayList<>();
  private final List<Runnable> answers = new ArrayList<>();
  private final Map<String, Integer> openPerEvent = new TreeMap<>();
  private boolean holding;
  private int open;
  private int peak;
  private int peakPerEvent;

  private Receiver(HttpServer server) {
    this.server = server;
  }

  public static Receiver start() {
    Receiver[] holder = new Receiver[1];
    HttpServer server = VERTX.createHttpServer();
    Receiver r = new Receiver(server);
    holder[0] = r;
    server.requestHandler(
        req ->
            req.body()
                .onSuccess(
                    body -> {
                      Map<String, List<String>> headers = new TreeMap<>();
                      req.headers()
                          .forEach(
                              h ->
                                  headers
                                      .computeIfAbsent(
                                          h.getKey().toLowerCase(), k -> new ArrayList<>())
                                      .add(h.getValue()));
                      Received in = new Received(headers, body.toString(), Instant.now());
                      r.received.add(in);
                      Context context = Vertx.currentContext();
                      r.opened(
                          in,
                          () ->
                              context.runOnContext(
                                  v -> {
                                    Answer a;
                                    synchronized (r.script) {
                                      a =
                                          r.script.isEmpty()
                                              ? new Answer(200, Map.of(), "ok")
                                              : r.script.poll();
                                    }
                                    req.response().setStatusCode(a.status());
                                    a.headers().forEach(req.response()::putHeader);
                                    r.closed(in);
                                    req.response().end(a.body());
                                  }));
                    }));
    try {
      server
          .listen(0, "127.0.0.1")
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("receiver did not start", e);
    }
    return r;
  }

  /** Answers the next requests with these statuses, in order. */
  public Receiver answer(int... statuses) {
    synchronized (script) {
      for (int s : statuses) {
        script.add(new Answer(s, Map.of(), "status " + s));
      }
    }
    return this;
  }

  public Receiver answer(Answer a) {
    synchronized (script) {
      script.add(a);
    }
    return this;
  }

  /** Holds every request unanswered from now until {@link #release}. */
  public Receiver hold() {
    synchronized (held) {
      holding = true;
    }
    return this;
  }

  /** Answers the held requests and every later one at once. */
  public void release() {
    List<Runnable> go;
    synchronized (held) {
      holding = false;
      held.clear();
      go = new ArrayList<>(answers);
      answers.clear();
    }
    go.forEach(Runnable::run);
  }

  /** The requests held unanswered now. */
  public List<Received> held() {
    synchronized (held) {
      return List.copyOf(held);
    }
  }

  /** The most requests that were open (received, not answered yet) at once. */
  public int peakOpen() {
    synchronized (held) {
      return peak;
    }
  }

  /** The most requests with one {@code webhook-id} that were open at once. */
  public int peakOpenPerEvent() {
    synchronized (held) {
      return peakPerEvent;
    }
  }

  private void opened(Received in, Runnable answer) {
    synchronized (held) {
      open++;
      peak = Math.max(peak, open);
      int sameEvent = openPerEvent.merge(String.valueOf(in.header("webhook-id")), 1, Integer::sum);
      peakPerEvent = Math.max(peakPerEvent, sameEvent);
      if (holding) {
        held.add(in);
        answers.add(answer);
        return;
      }
    }
    answer.run();
  }

  private void closed(Received in) {
    synchronized (held) {
      open--;
      openPerEvent.merge(String.valueOf(in.header("webhook-id")), -1, Integer::sum);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/hooks";
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.close();
  }
}
