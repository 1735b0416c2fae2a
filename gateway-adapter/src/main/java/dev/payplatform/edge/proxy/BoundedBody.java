package dev.payplatform.edge.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body that counts its bytes as they stream through and calls {@code onTooLarge} (once)
 * when they pass the limit, instead of passing the chunk on.
 */
final class BoundedBody implements ReadStream<Buffer> {
  private final ReadStream<Buffer> source;
  private final long limit;
  private final Runnable onTooLarge;
  private long seen;
  private boolean tooLarge;

  BoundedBody(ReadStream<Buffer> source, long limit, Runnable onTooLarge) {
    this.source = source;
    this.limit = limit;
    this.onTooLarge = onTooLarge;
  }

  @Override
  public ReadStream<Buffer> handler(Handler<Buffer> handler) {
    if (handler == null) {
      source.handler(null);
      return this;
    }
    source.handler(
        chunk -> {
          if (tooLarge) {
            return;
          }
          seen += chunk.length();
          if (seen > limit) {
            tooLarge = true;
            onTooLarge.run();
            return;
          }
          handler.handle(chunk);
        });
    return this;
  }

  @Override
  public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    source.exceptionHandler(handler);
    return this;
  }

  @Override
  public ReadStream<Buffer> pause() {
    source.pause();
    return this;
  }

  @Override
  public ReadStream<Buffer> resume() {
    source.resume();
    return this;
  }

  @Override
  public ReadStream<Buffer> fetch(long amount) {
    source.fetch(amount);
    return this;
  }

  @Override
  public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
    // Past the limit the body never "ends" for the upstream: its call is reset instead.
    source.endHandler(
        endHandler == null
            ? null
            : v -> {
              if (!tooLarge) {
                endHandler.handle(v);
              }
            });
    return this;
  }
}
