package dev.payplatform.checkout.rest;

import dev.payplatform.vault.KeyRotation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * The card vault's operator API (docs/vault.md), on checkout's own port with the operator token:
 * which key-encryption key wraps how many records, and the rotation: the key ring is reread (its
 * last key becomes active) and every record is re-wrapped under it. {@code deploy/local/platform
 * vault keys|rotate} calls it.
 */
@Path("/admin/vault")
@Produces(MediaType.APPLICATION_JSON)
public class AdminVaultResource {
  private final KeyRotation rotation;

  public AdminVaultResource(KeyRotation rotation) {
    this.rotation = rotation;
  }

  /** A rotation's result: what it re-wrapped, what would not open, and the keys in use after it. */
  public record Rotation(
      long rewrapped,
      List<String> unreadable,
      String activeKey,
      Map<String, Long> records,
      Map<String, Long> missingKeys) {}

  /**
   * The keys in use: records per key id in the ring, records under ids it lacks, the active key.
   */
  @GET
  @Path("/keys")
  public Uni<KeyRotation.KeyUsage> keys() {
    return rotation.keyUsage();
  }

  @POST
  @Path("/rotate")
  public Uni<Rotation> rotate() {
    return rotation
        .rewrap()
        .chain(
            done ->
                rotation
                    .keyUsage()
                    .map(
                        usage ->
                            new Rotation(
                                done.rewrapped(),
                                done.unreadable(),
                                usage.activeKey(),
                                usage.records(),
                                usage.missingKeys())));
  }
}
