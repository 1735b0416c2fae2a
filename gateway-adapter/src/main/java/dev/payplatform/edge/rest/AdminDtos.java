package dev.payplatform.edge.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request and response bodies of the operator API. */
public final class AdminDtos {
  private AdminDtos() {}

  /** Create a merchant. Everything but the name has a sensible default. */
  public record CreateMerchant(
      @NotBlank @Size(max = 250, message = "must be at most 250 characters") String name,
      @Size(max = 255, message = "must be at most 255 characters")
          @Pattern(regexp = "[A-Za-z0-9_-]+", message = "may contain letters, digits, - and _")
          String gatewayAccountId,
      String settlementCurrency,
      String localCurrency,
      @Pattern(
              regexp = "(100(\\.0{1,2})?|[0-9]{1,2}(\\.[0-9]{1,2})?)",
              message = "must be a percentage between 0 and 100 with at most 2 decimals")
          String feePercent,
      @Min(value = 0, message = "must be at least 0")
          @Max(value = 100_000_000, message = "is too large")
          Long feeFixed,
      @Size(max = 22, message = "must be at most 22 characters") String statementDescriptor,
      @Pattern(regexp = "refund|keep", message = "must be refund or keep") String lateSuccess,
      @Min(value = 1, message = "must be at least 1")
          @Max(value = 100_000, message = "must be at most 100000")
          Integer rateLimitTest,
      @Min(value = 1, message = "must be at least 1")
          @Max(value = 100_000, message = "must be at most 100000")
          Integer rateLimitLive) {}

  /** Change a merchant: only the fields present change. */
  public record UpdateMerchant(
      @Size(min = 1, max = 250, message = "must be 1 to 250 characters") String name,
      @Size(max = 255, message = "must be at most 255 characters")
          @Pattern(regexp = "[A-Za-z0-9_-]*", message = "may contain letters, digits, - and _")
          String gatewayAccountId,
      String settlementCurrency,
      String localCurrency,
      @Pattern(
              regexp = "(100(\\.0{1,2})?|[0-9]{1,2}(\\.[0-9]{1,2})?)",
              message = "must be a percentage between 0 and 100 with at most 2 decimals")
          String feePercent,
      @Min(value = 0, message = "must be at least 0")
          @Max(value = 100_000_000, message = "is too large")
          Long feeFixed,
      @Size(min = 1, max = 22, message = "must be 1 to 22 characters") String statementDescriptor,
      @Pattern(regexp = "refund|keep", message = "must be refund or keep") String lateSuccess,
      @Min(value = 1, message = "must be at least 1")
          @Max(value = 100_000, message = "must be at most 100000")
          Integer rateLimitTest,
      @Min(value = 1, message = "must be at least 1")
          @Max(value = 100_000, message = "must be at most 100000")
          Integer rateLimitLive) {}

  public record RollKey(
      @Min(value = 0, message = "must be at least 0")
          @Max(value = 168, message = "must be at most 168 (7 days)")
          Integer gracePeriodHours) {}

  public record KeyView(
      String id,
      String object,
      String mode,
      String prefix,
      String last4,
      String status,
      String createdAt,
      String expiresAt,
      String revokedAt) {

    /** A key as a dashboard may show it: prefix and last 4 only, its status at {@code now}. */
    public static KeyView of(dev.payplatform.edge.domain.ApiKey k, java.time.Instant now) {
      return new KeyView(
          k.id,
          "api_key",
          k.livemode ? "live" : "test",
          k.prefix,
          k.last4,
          k.statusAt(now),
          k.createdAt.toString(),
          k.expiresAt == null ? null : k.expiresAt.toString(),
          k.revokedAt == null ? null : k.revokedAt.toString());
    }
  }

  /** A merchant; the two secret keys appear only in the answer that created them. */
  public record MerchantView(
      String id,
      String object,
      String name,
      String gatewayAccountId,
      String settlementCurrency,
      String localCurrency,
      String feePercent,
      long feeFixed,
      String statementDescriptor,
      String lateSuccess,
      Integer rateLimitTest,
      Integer rateLimitLive,
      String createdAt,
      String updatedAt,
      List<KeyView> keys,
      @JsonInclude(JsonInclude.Include.NON_NULL) String secretKeyTest,
      @JsonInclude(JsonInclude.Include.NON_NULL) String secretKeyLive) {}

  /** A rolled key: the new secret (shown once) and both keys' states. */
  public record RolledKey(KeyView key, String secretKey, KeyView previous) {}
}
