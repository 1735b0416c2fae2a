package dev.payplatform.checkout.rest;

import dev.payplatform.vault.CardVault;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
  private final CardVault vault;

  public AdminVaultResource(CardVault vault) {
    this.vault = vault;
  }

  /** The keys in use: records per key id, and the active key. */
  public record Keys(String activeKey, Map<String, Long> records) {}

  /** A rotation's result. */
  public record Rotation(long rewrapped, String activeKey, Map<String, Long> records) {}

  @GET
  @Path("/keys")
  public Uni<Keys> keys() {
    return vault.keyUsage().map(usage -> new Keys(vault.activeKeyId(), usage));
  }

  @POST
  @Path("/rotate")
  public Uni<Rotation> rotate() {
    return vault
        .rewrap()
        .chain(n -> vault.keyUsage().map(usage -> new Rotation(n, vault.activeKeyId(), usage)));
  }
}
