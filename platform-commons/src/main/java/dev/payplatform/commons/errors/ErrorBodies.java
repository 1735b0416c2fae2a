package dev.payplatform.commons.errors;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The documented error shapes (docs/api.md, "Errors"), one record each. */
public final class ErrorBodies {
  private ErrorBodies() {}

  /** 400, 404, 405, 409, 410, 429, 500, 503. */
  public record Problem(int code, String title, String content, String type) {
    public Problem(int code, String title, String content) {
      this(code, title, content, "danger");
    }
  }

  /** 422. */
  public record Validation(List<FieldError> detail) {}

  /** 401. */
  public record Detail(String detail) {}

  /** 402. */
  public record PaymentFailed(Error error) {
    public record Error(
        int code,
        String type,
        String message,
        @JsonProperty("decline_reason") String declineReason) {}

    public static PaymentFailed of(String message, String declineReason) {
      return new PaymentFailed(new Error(402, "payment_failed", message, declineReason));
    }
  }
}
