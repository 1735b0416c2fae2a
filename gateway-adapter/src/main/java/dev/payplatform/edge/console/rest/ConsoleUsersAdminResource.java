package dev.payplatform.edge.console.rest;

import dev.payplatform.edge.console.service.ConsoleUserCreation;
import dev.payplatform.edge.rest.MerchantAdminFilter;
import dev.payplatform.edge.service.MerchantService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The operator API's part for the console: creating a merchant's console user, usually its first
 * owner (owners invite the rest). Guarded by {@link MerchantAdminFilter}, as all of /admin is.
 */
@Path("/admin/merchants/{id}/users")
public class ConsoleUsersAdminResource {
  private final MerchantService merchants;
  private final ConsoleUserCreation users;

  public ConsoleUsersAdminResource(MerchantService merchants, ConsoleUserCreation users) {
    this.merchants = merchants;
    this.users = users;
  }

  /** The password, given or generated, is in this answer only. */
  @POST
  public Uni<Response> createUser(
      @PathParam("id") String id, @NotNull CreateConsoleUserRequest body) {
    String role = body.role() == null ? "owner" : body.role();
    return merchants
        .get(id)
        .chain(m -> users.create(m.id, body.email(), role, body.password()))
        .map(
            created ->
                ConsoleAnswers.created(
                    new ConsoleUserResponse(
                        created.id(),
                        "console_user",
                        created.email(),
                        created.role().word(),
                        created.password())));
  }
}
