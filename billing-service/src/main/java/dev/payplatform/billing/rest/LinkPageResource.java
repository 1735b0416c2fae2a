package dev.payplatform.billing.rest;

import dev.payplatform.billing.service.links.HostedCheckout;
import dev.payplatform.billing.service.links.PaymentLinkService;
import dev.payplatform.billing.service.links.PaymentLinkService.PageTarget;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The buyer pages under {@code /link/**} (public through the edge, GET only). {@code /link/{id}}
 * for an active payment link or an open invoice answers 303 See Other to checkout-service's hosted
 * page with a freshly signed checkout token (a new payment per visit); an inactive link or a closed
 * invoice is a 410 page, anything else a 404 page. {@code /link/{id}/thanks} is where checkout
 * sends the buyer back.
 */
@Path("/link")
@PermitAll
public class LinkPageResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance unavailable(int status, String title, String message);

    static native TemplateInstance thanks(String merchantName, String paymentId);
  }

  private final PaymentLinkService links;
  private final HostedCheckout checkout;

  public LinkPageResource(PaymentLinkService links, HostedCheckout checkout) {
    this.links = links;
    this.checkout = checkout;
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.TEXT_HTML)
  public Uni<Response> visit(@PathParam("id") String id) {
    return links.pageTarget(id).chain(this::answer);
  }

  private Uni<Response> answer(PageTarget target) {
    if (target instanceof PageTarget.Payable p) {
      return checkout
          .checkoutPage(p.payable())
          .map(
              uri ->
                  Response.seeOther(uri)
                      .header("Cache-Control", "no-store")
                      .header("Referrer-Policy", "no-referrer")
                      .build());
    }
    if (target instanceof PageTarget.Busy b) {
      return Uni.createFrom().item(page(409, "This invoice is being paid", b.message()));
    }
    if (target instanceof PageTarget.Gone g) {
      return Uni.createFrom()
          .item(page(410, "This payment page is no longer available", g.message()));
    }
    return Uni.createFrom().item(notFound());
  }

  @GET
  @Path("/{id}/thanks")
  @Produces(MediaType.TEXT_HTML)
  public Uni<Response> thanks(
      @PathParam("id") String id, @QueryParam("id_payment") String paymentId) {
    return links
        .merchantNameFor(id)
        .map(
            name -> {
              if (name == null) {
                return notFound();
              }
              String shownPayment =
                  paymentId != null && paymentId.matches("pay_[A-Za-z0-9_-]{16,64}")
                      ? paymentId
                      : null;
              return Response.ok(Templates.thanks(name, shownPayment).render())
                  .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                  .header("Cache-Control", "no-store")
                  .build();
            });
  }

  private static Response notFound() {
    return page(
        404,
        "Payment page not found",
        "There is no payment page at this address. Check the link you were given.");
  }

  private static Response page(int status, String title, String message) {
    return Response.status(status)
        .entity(Templates.unavailable(status, title, message).render())
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header("Cache-Control", "no-store")
        .build();
  }
}
