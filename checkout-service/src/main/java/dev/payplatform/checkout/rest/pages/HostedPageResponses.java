package dev.payplatform.checkout.rest.pages;

import dev.payplatform.checkout.rest.pages.PageTemplates.MessagePage;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How every hosted page answers, whichever page it is: a rendered template with its status, a 303
 * to the next page, the "payment complete" and message pages. Apart from the pages themselves so
 * that the card form, the 3-D Secure pages and the error pages answer alike.
 */
final class HostedPageResponses {
  private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

  private HostedPageResponses() {}

  static Response paid(String merchantName, String continueUrl) {
    return page(
        200,
        PageTemplates.message(
            new MessagePage(
                "Payment complete",
                "Payment complete",
                "Thank you. Your payment to " + merchantLabel(merchantName) + " went through.",
                continueUrl,
                continueUrl == null ? null : "Continue")));
  }

  static TemplateInstance message(String title, String heading, String text) {
    return PageTemplates.message(new MessagePage(title, heading, text, null, null));
  }

  static String merchantLabel(String merchantName) {
    return merchantName == null || merchantName.isBlank() ? "the merchant" : merchantName;
  }

  static Response page(int status, TemplateInstance template) {
    return Response.status(status)
        .type(HTML)
        .entity(template.render())
        // CSP, no framing, no Referer, no caching: commons' HtmlSecurityHeaders, on every page.
        .build();
  }

  // Relative locations stay relative, so a browser that came through the edge stays on it.
  static Response seeOther(String location) {
    return Response.status(303)
        .header("Location", location)
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store")
        .build();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
