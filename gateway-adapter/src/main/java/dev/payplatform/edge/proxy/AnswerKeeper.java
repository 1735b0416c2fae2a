package dev.payplatform.edge.proxy;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;

/** What the idempotency step does with the service's answer to a claimed request. */
interface AnswerKeeper {

  /** The request never reached the service: free the key so a retry runs. */
  Uni<Void> forget();

  /**
   * The service answered: remember the answer for replay, or free the key when nothing happened.
   */
  Uni<Void> keep(int status, MultiMap headers, byte[] body);
}
