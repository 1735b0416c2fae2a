package dev.payplatform.acquirer;

/**
 * What the operator told the host to do wrong (the fault suite's lever): hold every answer for a
 * while, or swallow answers altogether. Connections are closed and refused by {@link AcquirerHost}.
 */
public final class HostFaults {
  private volatile long delayMillis;
  private volatile boolean dropAnswers;

  public long delayMillis() {
    return delayMillis;
  }

  public boolean dropAnswers() {
    return dropAnswers;
  }

  public void set(long delayMillis, boolean dropAnswers) {
    this.delayMillis = Math.max(0, delayMillis);
    this.dropAnswers = dropAnswers;
  }

  public void clear() {
    set(0, false);
  }
}
