package dev.payplatform.checkout.processor.sandbox;

import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.processor.DeclineReasons;
import dev.payplatform.processor.ProcessorAccount;
import dev.payplatform.processor.ProcessorResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sandbox's idempotency, over its {@code sandbox_operation} records: each operation runs once
 * per reference, and a reference can be looked up (or voided when nothing ran under it). Apart from
 * {@link SandboxProcessor} because it is the same rule for every operation the processor offers,
 * whatever the card does. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SandboxOperations {
  private final InstantSource clock;

  public SandboxOperations(InstantSource clock) {
    this.clock = clock;
  }

  /**
   * Runs {@code operation} once per reference: a repeated reference answers the stored result, a
   * voided one is refused without a charge. The operation and its record commit together.
   */
  public Uni<ProcessorResult> once(
      ProcessorAccount account, String reference, Supplier<Uni<ProcessorResult>> operation) {
    return SandboxOperation.<SandboxOperation>findById(reference, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            op -> {
              if (op != null) {
                Optional<ProcessorResult> stored =
                    sameTenant(op, account) ? op.result() : Optional.empty();
                return Uni.createFrom()
                    .item(
                        stored.orElseGet(
                            () ->
                                ProcessorResult.declined(
                                    null,
                                    DeclineReasons.PROCESSING_ERROR,
                                    "This payment attempt was already closed; no charge was"
                                        + " made.")));
              }
              return operation
                  .get()
                  .call(
                      result ->
                          SandboxOperation.of(account, reference, result, Timestamps.now(clock))
                              .persist());
            });
  }

  /** What was done under {@code reference}; empty if nothing was, and then it is voided. */
  public Uni<Optional<ProcessorResult>> lookup(ProcessorAccount account, String reference) {
    return SandboxOperation.<SandboxOperation>findById(reference, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            op -> {
              if (op != null) {
                return Uni.createFrom()
                    .item(sameTenant(op, account) ? op.result() : Optional.empty());
              }
              // Nothing under this reference: void it, so a call still on its way is refused.
              return SandboxOperation.voided(account, reference, Timestamps.now(clock))
                  .persist()
                  .replaceWith(Optional.<ProcessorResult>empty());
            });
  }

  private static boolean sameTenant(SandboxOperation op, ProcessorAccount account) {
    return op.merchantId.equals(account.merchantId()) && op.livemode == account.livemode();
  }
}
