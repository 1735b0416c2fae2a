package dev.payplatform.payments.service.payouts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Every file sent to or received from the payout bank, kept for audit with its SHA-256, in the
 * caller's transaction. A message id is recorded once per direction: recording a received file
 * again answers false, and its content is not applied twice.
 */
@ApplicationScoped
public class BankFiles {
  private static final String RECORD =
      "insert into bank_file (direction, file_name, message_type, message_id, content, sha256,"
          + " created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
          + " on conflict (direction, message_id) do nothing";

  /** Answers whether the file is new. */
  public Uni<Boolean> record(
      String direction,
      String fileName,
      String messageType,
      String messageId,
      String content,
      Instant now) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(RECORD)
                    .setParameter(1, direction)
                    .setParameter(2, fileName)
                    .setParameter(3, messageType)
                    .setParameter(4, messageId)
                    .setParameter(5, content)
                    .setParameter(6, sha256(content))
                    .setParameter(7, now.atOffset(ZoneOffset.UTC))
                    .executeUpdate())
        .map(rows -> rows > 0);
  }

  static String sha256(String content) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
