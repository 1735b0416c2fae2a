package dev.payplatform.checkout.rest.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The hosted pages' Qute templates (src/main/resources/templates/pages), type-checked at build. */
@CheckedTemplate(basePath = "pages")
public final class PageTemplates {
  private PageTemplates() {}

  /** The card form of a session or a hosted payment. */
  public static native TemplateInstance checkout(CheckoutPage page);

  /** The sandbox 3-D Secure challenge. */
  public static native TemplateInstance challenge(ChallengePage page);

  /** Expired, invalid, complete: a clear sentence instead of an error. */
  public static native TemplateInstance message(MessagePage page);

  /**
   * @param intentUrl where the page creates (or gets back) its payment intent
   * @param intentBody the JSON body of that call ("" for none)
   * @param notice a decline reason's message to show when the page opens (after a failed
   *     challenge), or null
   */
  public record CheckoutPage(
      String merchantName,
      String description,
      List<String> items,
      String amount,
      String currency,
      boolean testMode,
      String intentUrl,
      String intentBody,
      String notice) {}

  public record ChallengePage(
      String merchantName,
      String amount,
      String card,
      boolean testMode,
      String completeUrl,
      String failUrl,
      String challengeToken) {}

  public record MessagePage(
      String title, String heading, String message, String linkUrl, String linkLabel) {}
}
