package dev.payplatform.acquirer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISORequestListener;
import org.jpos.iso.ISOSource;

/**
 * Answers the connector's requests as an acquirer and its issuers would (docs/connectors.md):
 * network management (0800), purchases and referenced refunds (0200, processing codes 00 and 20),
 * reversals (0400/0401 and advices 0420/0421). A repeated request under the same retrieval
 * reference gets the first answer, so nothing is charged twice. Everything is written to the {@link
 * AcquirerRecord} before it is answered.
 */
final class Authorizer implements ISORequestListener {
  private static final String UNABLE_TO_LOCATE_ORIGINAL = "25";
  private static final String INVALID_TRANSACTION = "12";
  private static final String INVALID_AMOUNT = "13";
  private static final String FORMAT_ERROR = "30";

  private final AcquirerRecord record;
  private final HostFaults faults;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Authorizer(AcquirerRecord record, HostFaults faults, Clock clock) {
    this.record = record;
    this.faults = faults;
    this.clock = clock;
  }

  @Override
  public boolean process(ISOSource source, ISOMsg m) {
    try {
      Instant now = clock.instant();
      record.message("in", m, now);
      ISOMsg answer = answer(m, now);
      if (answer == null || faults.dropAnswers()) {
        return true;
      }
      long delay = faults.delayMillis();
      if (delay > 0) {
        Thread.sleep(delay);
      }
      if (source.isConnected()) {
        record.message("out", answer, clock.instant());
        source.send(answer);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      System.err.println("acquirer-host: could not answer " + m.getString(0) + ": " + e);
    }
    return true;
  }

  private ISOMsg answer(ISOMsg m, Instant now) throws ISOException {
    String mti = m.getMTI();
    return switch (mti) {
      case "0800" -> respond(m, Issuers.APPROVED, null);
      case "0200" -> financial(m, now);
      case "0400", "0401", "0420", "0421" -> reversal(m, now);
      default -> null;
    };
  }

  private ISOMsg financial(ISOMsg m, Instant now) throws ISOException {
    String rrn = m.getString(37);
    String processing = m.getString(3);
    if (rrn == null || processing == null || !m.hasField(4) || !m.hasField(11)) {
      return respond(m, FORMAT_ERROR, null);
    }
    Optional<HostTransaction> seen = record.byRrn(rrn);
    if (seen.isPresent()) {
      HostTransaction t = seen.get();
      // A repeat answers as the first time; an original arriving after its reversal is refused.
      return t.reversed() && HostTransaction.UNKNOWN.equals(t.type())
          ? respond(m, INVALID_TRANSACTION, null)
          : respond(m, t.responseCode(), t.authorizationCode());
    }
    return processing.startsWith("20") ? refund(m, now) : purchase(m, now);
  }

  private ISOMsg purchase(ISOMsg m, Instant now) throws ISOException {
    LocalDate day = businessDay(now);
    String code = Issuers.answer(m.getString(2), m.getString(14), YearMonth.from(day));
    return decided(m, HostTransaction.PURCHASE, code, null, now);
  }

  private ISOMsg refund(ISOMsg m, Instant now) throws ISOException {
    Optional<HostTransaction> purchase = original(m);
    if (purchase.isEmpty() || !HostTransaction.PURCHASE.equals(purchase.get().type())) {
      return decided(m, HostTransaction.REFUND, UNABLE_TO_LOCATE_ORIGINAL, null, now);
    }
    HostTransaction p = purchase.get();
    long amount = Long.parseLong(m.getString(4));
    String code;
    if (!p.approved()) {
      code = INVALID_TRANSACTION;
    } else if (amount <= 0
        || !p.currency().equals(m.getString(49))
        || record.refundedAgainst(p.rrn()) + amount > p.amount()) {
      code = INVALID_AMOUNT;
    } else {
      code = Issuers.APPROVED;
    }
    return decided(m, HostTransaction.REFUND, code, p.rrn(), now);
  }

  private ISOMsg decided(ISOMsg m, String type, String code, String originalRrn, Instant now)
      throws ISOException {
    boolean approved = Issuers.APPROVED.equals(code);
    String authorizationCode = approved ? authorizationCode() : null;
    record.save(
        new HostTransaction(
            m.getString(37),
            type,
            m.getString(11),
            m.getString(7),
            m.getString(41),
            m.getString(42),
            Long.parseLong(m.getString(4)),
            m.getString(49),
            code,
            authorizationCode,
            approved ? HostTransaction.APPROVED : HostTransaction.DECLINED,
            businessDay(now),
            originalRrn,
            now,
            null));
    return respond(m, code, authorizationCode);
  }

  private ISOMsg reversal(ISOMsg m, Instant now) throws ISOException {
    Optional<HostTransaction> original = original(m);
    if (original.isEmpty() && m.hasField(37)) {
      original = record.byRrn(m.getString(37));
    }
    if (original.isPresent()) {
      HostTransaction t = original.get();
      if (!t.reversed()) {
        record.save(t.reversedAt(now));
      }
      return respond(m, Issuers.APPROVED, null);
    }
    if (m.hasField(37)) {
      // Nothing under that reference yet: remember the reversal, so the original is refused if it
      // still arrives.
      record.save(
          new HostTransaction(
              m.getString(37),
              HostTransaction.UNKNOWN,
              m.getString(11),
              m.getString(7),
              m.getString(41),
              m.getString(42),
              m.hasField(4) ? Long.parseLong(m.getString(4)) : 0,
              m.getString(49),
              UNABLE_TO_LOCATE_ORIGINAL,
              null,
              HostTransaction.REVERSED,
              businessDay(now),
              null,
              now,
              now));
    }
    return respond(m, UNABLE_TO_LOCATE_ORIGINAL, null);
  }

  /** The transaction DE 90 names: original MTI (4), STAN (6), transmission date and time (10). */
  private Optional<HostTransaction> original(ISOMsg m) {
    String de90 = m.getString(90);
    if (de90 == null || de90.length() < 20) {
      return Optional.empty();
    }
    return record.byOriginal(de90.substring(4, 10), de90.substring(10, 20), m.getString(41));
  }

  private ISOMsg respond(ISOMsg m, String code, String authorizationCode) throws ISOException {
    ISOMsg r = (ISOMsg) m.clone();
    r.setResponseMTI();
    r.unset(new int[] {2, 14, 35, 45, 48, 52});
    r.set(39, code);
    if (authorizationCode != null) {
      r.set(38, authorizationCode);
    }
    return r;
  }

  private String authorizationCode() {
    return String.format("%06d", random.nextInt(1_000_000));
  }

  static LocalDate businessDay(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
