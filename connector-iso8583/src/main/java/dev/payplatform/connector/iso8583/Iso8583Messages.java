package dev.payplatform.connector.iso8583;

import dev.payplatform.processor.CardDetails;
import dev.payplatform.processor.GatewayAccount;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;

/**
 * The messages the connector sends, ISO 8583:1987 (docs/connectors.md, the field table). A purchase
 * is single-message: 0200 with processing code 000000 authorizes and captures; a refund is 0200
 * with processing code 200000 referring to its purchase through DE 90, so it needs no card number;
 * a reversal is 0400 (then 0420, repeated as 0421) referring to its original the same way.
 */
final class Iso8583Messages {
  static final String PURCHASE = "000000";
  static final String REFUND = "200000";
  static final String SIGN_ON = "001";
  static final String ECHO = "301";

  /** DE 25: card not present, e-commerce. */
  private static final String POS_CONDITION_CODE = "59";

  private static final DateTimeFormatter TRANSMISSION = DateTimeFormatter.ofPattern("MMddHHmmss");
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HHmmss");
  private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("MMdd");

  private Iso8583Messages() {}

  static ISOMsg purchase(
      GatewayAccount account, CardDetails card, long amount, String currency, Trace trace)
      throws ISOException {
    return purchase(account, card, amount, currency, trace, StoredCredential.NONE);
  }

  /**
   * A purchase with its stored-credential indicators (DE 22 and DE 48, {@link StoredCredential});
   * DE 48 subelement 92 (as Mastercard's CVC 2) carries the security code when the buyer typed one,
   * in the request only.
   */
  static ISOMsg purchase(
      GatewayAccount account,
      CardDetails card,
      long amount,
      String currency,
      Trace trace,
      StoredCredential credential)
      throws ISOException {
    ISOMsg m = financial("0200", PURCHASE, account, amount, currency, trace);
    m.set(2, card.number());
    m.set(14, String.format("%02d%02d", card.expYear() % 100, card.expMonth()));
    m.set(22, credential.posEntryMode());
    m.set(25, POS_CONDITION_CODE);
    String de48 = credential.additionalData(card.cvc());
    if (!de48.isEmpty()) {
      m.set(48, de48);
    }
    return m;
  }

  static ISOMsg refund(
      GatewayAccount account, JournalRow purchase, long amount, String currency, Trace trace)
      throws ISOException {
    ISOMsg m = financial("0200", REFUND, account, amount, currency, trace);
    m.set(25, POS_CONDITION_CODE);
    m.set(90, purchase.originalDataElements());
    return m;
  }

  /**
   * A reversal of {@code original} (its RRN kept in DE 37): {@code mti} 0400 the first time, 0420
   * then 0421 (repeated advice) until the acquirer answers.
   */
  static ISOMsg reversal(GatewayAccount account, JournalRow original, String mti, Trace trace)
      throws ISOException {
    String processing = JournalRow.REFUND.equals(original.kind()) ? REFUND : PURCHASE;
    ISOMsg m =
        financial(
            mti,
            processing,
            account,
            original.amount(),
            original.currency(),
            new Trace(trace.stan(), trace.transmission(), original.rrn(), trace.at()));
    m.set(90, original.originalDataElements());
    return m;
  }

  static ISOMsg networkManagement(String code, Trace trace) throws ISOException {
    ISOMsg m = new ISOMsg("0800");
    m.set(7, trace.transmission());
    m.set(11, trace.stan());
    m.set(70, code);
    return m;
  }

  private static ISOMsg financial(
      String mti,
      String processing,
      GatewayAccount account,
      long amount,
      String currency,
      Trace trace)
      throws ISOException {
    ISOMsg m = new ISOMsg(mti);
    ZonedDateTime at = trace.at().atZone(ZoneOffset.UTC);
    m.set(3, processing);
    m.set(4, String.format("%012d", amount));
    m.set(7, trace.transmission());
    m.set(11, trace.stan());
    // DE 12/13, the acceptor's local time and date: the platform's acceptor clock is UTC.
    m.set(12, LOCAL_TIME.format(at));
    m.set(13, LOCAL_DATE.format(at));
    m.set(18, account.merchantCategoryCode());
    m.set(32, account.acquiringInstitutionId());
    m.set(37, trace.rrn());
    m.set(41, account.terminalId());
    m.set(42, account.cardAcceptorId());
    if (account.cardAcceptorName() != null && !account.cardAcceptorName().isBlank()) {
      m.set(43, account.cardAcceptorName());
    }
    m.set(49, numericCurrency(currency));
    return m;
  }

  /** DE 49 carries the ISO 4217 numeric code (USD → 840). */
  static String numericCurrency(String alphabetic) {
    return Currency.getInstance(alphabetic.toUpperCase(java.util.Locale.ROOT))
        .getNumericCodeAsString();
  }

  /**
   * The trace numbers of one message: STAN (DE 11, six digits), transmission date and time (DE 7)
   * and retrieval reference number (DE 37: {@code YDDDhh} and the STAN, twelve digits).
   */
  record Trace(String stan, String transmission, String rrn, Instant at) {
    static Trace of(long traceNumber, Instant at) {
      String stan = String.format("%06d", traceNumber % 1_000_000);
      ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
      String rrn =
          String.format(
              "%d%03d%02d%s", utc.getYear() % 10, utc.getDayOfYear(), utc.getHour(), stan);
      return new Trace(stan, TRANSMISSION.format(utc), rrn, at);
    }
  }
}
