package dev.payplatform.commons.errors;

/**
 * An error answered in the documented {@code {code,title,content,type}} shape (400, 404, 409, 410,
 * 429, 503, ...). Services throw it; {@link ErrorMappers} writes it.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String title;
  private final String content;

  public ApiException(int status, String title, String content) {
    super(status + " " + title + ": " + content, null, false, false);
    this.status = status;
    this.title = title;
    this.content = content;
  }

  public static ApiException badRequest(String content) {
    return new ApiException(400, "Invalid request", content);
  }

  public static ApiException notFound(String title, String content) {
    return new ApiException(404, title, content);
  }

  /**
   * A request names an object (by {@code field}) that this merchant and mode do not have: 404, as
   * for another merchant's object.
   */
  public static ApiException referenceNotFound(String field, String what, String id) {
    return notFound(
        "Not found",
        "No such "
            + what
            + ": '"
            + id
            + "' ("
            + field
            + "). Use the id of a "
            + what
            + " created with the same API key mode.");
  }

  public static ApiException conflict(String content) {
    return new ApiException(409, "Conflict", content);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String content() {
    return content;
  }
}
