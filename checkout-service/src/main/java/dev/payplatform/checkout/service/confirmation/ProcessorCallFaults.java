package dev.payplatform.checkout.service.confirmation;

import dev.payplatform.checkout.config.CheckoutConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A fault point for the end-to-end crash test, off unless {@code
 * checkout.faults.halt-after-processor-call} is set: the process halts (as {@code kill -9} would)
 * right after the processor answered a confirmation and before the answer is stored, the one moment
 * a crash leaves a charged card behind an intent in processing. Nothing else in production reads
 * it.
 */
@ApplicationScoped
public class ProcessorCallFaults {
  private static final Logger LOG = Logger.getLogger(ProcessorCallFaults.class);
  private final boolean haltAfterProcessorCall;

  public ProcessorCallFaults(CheckoutConfig config) {
    this.haltAfterProcessorCall = config.faults().haltAfterProcessorCall();
    if (haltAfterProcessorCall) {
      LOG.warn("fault point armed: the next confirmation halts this process after the processor");
    }
  }

  void afterProcessorCall() {
    if (haltAfterProcessorCall) {
      LOG.warn("fault point: halting between the processor call and the second transaction");
      Runtime.getRuntime().halt(137);
    }
  }
}
