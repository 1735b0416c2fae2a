package dev.payplatform.payments.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * An entry's hash: SHA-256 over the previous entry's hash and the entry's canonical content (every
 * field, and its postings in account order), hex. Changing any stored entry, or removing or
 * reordering one, breaks every hash after it.
 */
public final class LedgerHash {
  /** The previous hash of a chain's first entry. */
  public static final String GENESIS = "0".repeat(64);

  private LedgerHash() {}

  /** The stored facts of one entry, as posted or as read back. */
  public record Content(
      String txnId,
      String idemKey,
      String merchantId,
      boolean livemode,
      String type,
      String source,
      String currency,
      long amount,
      long fee,
      long net,
      Long originalAmount,
      String originalCurrency,
      BigDecimal exchangeRate,
      Instant availableOn,
      Instant createdAt,
      long chainSeq,
      List<Posting> postings) {}

  public static String of(String previousHash, Content c) {
    StringBuilder s = new StringBuilder(previousHash).append('\n');
    field(s, c.txnId());
    field(s, c.idemKey());
    field(s, c.merchantId());
    field(s, Boolean.toString(c.livemode()));
    field(s, c.type());
    field(s, c.source());
    field(s, c.currency());
    field(s, Long.toString(c.amount()));
    field(s, Long.toString(c.fee()));
    field(s, Long.toString(c.net()));
    field(s, c.originalAmount() == null ? "" : c.originalAmount().toString());
    field(s, c.originalCurrency() == null ? "" : c.originalCurrency());
    field(s, c.exchangeRate() == null ? "" : c.exchangeRate().stripTrailingZeros().toPlainString());
    field(s, micros(c.availableOn()));
    field(s, micros(c.createdAt()));
    field(s, Long.toString(c.chainSeq()));
    c.postings().stream()
        .sorted(Comparator.comparing(Posting::account).thenComparingLong(Posting::amount))
        .forEach(p -> field(s, p.account() + "=" + p.currency() + " " + p.amount()));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static void field(StringBuilder s, String value) {
    // Length-prefixed, so no value can pass for two.
    s.append(value.length()).append(':').append(value).append('\n');
  }

  private static String micros(Instant t) {
    return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, t));
  }
}
