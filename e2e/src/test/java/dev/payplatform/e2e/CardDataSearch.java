package dev.payplatform.e2e;

import dev.payplatform.commons.testing.TestCards;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds card data in text a store or log holds: every sandbox test card number, with or without the
 * separators buyers type, and a security code wherever one could be written, i.e. as the value of a
 * key or column that names a security code (JSON, form bodies, log lines, dump columns).
 *
 * <p>A bare 3- or 4-digit number is not a hit: outbox ids, amounts and offsets are such numbers,
 * and a search for them fails any database that has seen enough events.
 */
final class CardDataSearch {
  /** Every card number of the sandbox table, plus the refused look-alike. */
  static final List<String> TEST_PANS = TestCards.PANS;

  /** Names a security code is written under by people and libraries. */
  static final String SECURITY_CODE_KEY =
      "(?:cvc2?|cvv2?|csc|cvn|cid|card_?code|security_?code|card_?verification(?:_?(?:code|value))?)";

  /**
   * A security code as a value: {@code "cvc":"919"}, {@code \"cvc\": 919} (JSON inside a string),
   * {@code cvc=919} (form body, query, log), {@code cvc: 919}, {@code security code 919}.
   */
  private static final Pattern SECURITY_CODE_VALUE =
      Pattern.compile(
          "(?i)(?<![A-Za-z0-9])"
              + SECURITY_CODE_KEY.replace("_?", "[_ -]?")
              + "(?![A-Za-z0-9_])\\\\?[\"']?\\s*[:=]?\\s*\\\\?[\"']?\\s*(\\d{3,4})(?!\\d)");

  /** A dump's column list naming a security code: the column exists, whatever its values are. */
  private static final Pattern SECURITY_CODE_COLUMN =
      Pattern.compile(
          "(?im)^COPY\\s+\\S+\\s+\\([^)]*\\b" + SECURITY_CODE_KEY + "\\b[^)]*\\)\\s+FROM stdin;");

  /** Every test card number in one pattern: one pass over the text, not one per card. */
  private static final Pattern PAN_PATTERN = panPattern();

  /** Text is searched in pieces of whole lines of about this many characters. */
  private static final int CHUNK = 4 << 20;

  private CardDataSearch() {}

  private static Pattern panPattern() {
    List<String> alternatives = new ArrayList<>();
    for (String pan : TEST_PANS) {
      StringBuilder separated = new StringBuilder();
      for (int i = 0; i < pan.length(); i++) {
        if (i > 0) {
          separated.append("[ -]?");
        }
        separated.append(pan.charAt(i));
      }
      alternatives.add(separated.toString());
    }
    return Pattern.compile("(?<!\\d)(?:" + String.join("|", alternatives) + ")(?!\\d)");
  }

  /**
   * The same search over a stream (a database dump of gigabytes), read in pieces of whole lines so
   * memory stays small however large the store grew. Every pattern matches within one line.
   */
  static Scan scan(String where, java.io.Reader source) throws java.io.IOException {
    List<String> found = new ArrayList<>();
    long tables = 0;
    java.io.BufferedReader lines = new java.io.BufferedReader(source, 1 << 16);
    StringBuilder chunk = new StringBuilder(CHUNK + (1 << 16));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("COPY ")) {
        tables++;
      }
      chunk.append(line).append('\n');
      if (chunk.length() >= CHUNK) {
        found.addAll(findings(where, chunk.toString()));
        chunk.setLength(0);
      }
    }
    found.addAll(findings(where, chunk.toString()));
    return new Scan(found, tables);
  }

  /** What a streamed search found, and how many tables a dump's stream held. */
  record Scan(List<String> findings, long tables) {}

  /** Each hit in {@code text}, named by {@code where}, with the text around it. */
  static List<String> findings(String where, String text) {
    List<String> found = new ArrayList<>();
    report(found, where, "card number", PAN_PATTERN.matcher(text), text);
    report(found, where, "security code", SECURITY_CODE_VALUE.matcher(text), text);
    report(found, where, "security-code column", SECURITY_CODE_COLUMN.matcher(text), text);
    return found;
  }

  private static void report(
      List<String> found, String where, String what, Matcher m, String text) {
    if (m.find()) {
      int from = Math.max(0, m.start() - 60);
      int to = Math.min(text.length(), m.end() + 60);
      found.add(where + ": " + what + " near «" + text.substring(from, to) + "»");
    }
  }
}
