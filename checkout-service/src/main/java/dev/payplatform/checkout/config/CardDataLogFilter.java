package dev.payplatform.checkout.config;

import dev.payplatform.processor.CardNumbers;
import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The last line of defence for card data in logs: every line (console and file) has anything that
 * looks like a card number replaced by {@code ****1234}. Nothing should log one in the first place;
 * this catches the mistake that would.
 */
@LoggingFilter(name = "card-data-mask")
public final class CardDataLogFilter implements Filter {

  @Override
  public boolean isLoggable(LogRecord record) {
    if (record instanceof ExtLogRecord ext) {
      String formatted = ext.getFormattedMessage();
      String masked = CardNumbers.maskAll(formatted);
      if (masked != null && !masked.equals(formatted)) {
        ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
        ext.setParameters(null);
      }
    }
    return true;
  }
}
