package dev.payplatform.commons.messaging;

import dev.payplatform.commons.errors.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operators' view of this service's dead letters ({@code /admin/dead-letters}, admin token
 * checked by {@link dev.payplatform.commons.web.OperatorApiFilter}): list what is pending, replay
 * it once the cause is fixed. Not routed by the edge; an operator calls the service directly
 * (inside the cluster, or through {@code deploy/local/platform dlq}).
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {
  /** The answer of a listing. */
  public record Listing(List<String> consumers, List<DeadLetters.Letter> items, int totalItems) {}

  /** The answer of a replay. */
  public record Replayed(int replayed) {}

  private final DeadLetters deadLetters;
  private final DeadLetterReplay deadLetterReplay;

  public DeadLetterResource(DeadLetters deadLetters, DeadLetterReplay deadLetterReplay) {
    this.deadLetters = deadLetters;
    this.deadLetterReplay = deadLetterReplay;
  }

  @GET
  @Operation(summary = "Dead letters not yet replayed, of one consumer or of all")
  public Listing list(@QueryParam("consumer") String consumer) {
    List<DeadLetters.Letter> letters = call(() -> deadLetterReplay.pending(consumer));
    return new Listing(deadLetters.consumers().stream().sorted().toList(), letters, letters.size());
  }

  @POST
  @Path("/replay")
  @Operation(summary = "Re-publish pending dead letters to their original topics")
  public Replayed replay(@QueryParam("consumer") String consumer) {
    return new Replayed(call(() -> deadLetterReplay.replay(consumer)));
  }

  private static <T> T call(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException unknownConsumer) {
      throw new ApiException(404, "Not found", unknownConsumer.getMessage());
    }
  }
}
