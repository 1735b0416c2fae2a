package dev.payplatform.connector.iso8583;

import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jpos.iso.ISOMsg;
import org.jpos.util.LogEvent;
import org.jpos.util.LogListener;

/**
 * Hands jPOS's log events (connects, disconnects, timeouts) to the service's log. A message dump is
 * never passed on: it would carry the card number.
 */
final class JposLogBridge implements LogListener {
  static final String LOGGER = "connector-iso8583";
  private static final Logger LOG = Logger.getLogger(Iso8583Connector.class);

  static {
    org.jpos.util.Logger.getLogger(LOGGER).addListener(new JposLogBridge());
  }

  /** Makes sure the bridge is attached before a jPOS component logs. */
  static String logger() {
    return LOGGER;
  }

  @Override
  public LogEvent log(LogEvent ev) {
    String payload =
        ev.getPayLoad().stream()
            .filter(o -> !(o instanceof ISOMsg))
            .map(o -> o instanceof Throwable t ? t.toString() : String.valueOf(o))
            .collect(Collectors.joining("; "));
    LOG.infof("jPOS %s %s: %s", ev.getRealm(), ev.getTag(), payload);
    return ev;
  }
}
