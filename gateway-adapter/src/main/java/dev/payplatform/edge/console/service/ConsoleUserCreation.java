package dev.payplatform.edge.console.service;

import dev.payplatform.commons.errors.ApiException;
import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.commons.errors.ValidationFailedException;
import dev.payplatform.commons.ids.Ids;
import dev.payplatform.commons.time.Timestamps;
import dev.payplatform.edge.console.domain.ConsoleRole;
import dev.payplatform.edge.console.domain.ConsoleUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds a console user to a merchant: the operator's first owner, or whoever accepts an invite. One
 * active account per email address across the platform; a second one is a 409.
 */
@ApplicationScoped
public class ConsoleUserCreation {
  /** A user the operator created, with the password shown this once. */
  public record Created(String id, String email, ConsoleRole role, String password) {}

  private final Passwords passwords;
  private final InstantSource clock;

  public ConsoleUserCreation(Passwords passwords, InstantSource clock) {
    this.passwords = passwords;
    this.clock = clock;
  }

  /**
   * The operator creates a user of a merchant (the first owner by default). Without a password one
   * is generated; either way it is returned once.
   */
  public Uni<Created> create(String merchantId, String rawEmail, String rawRole, String password) {
    List<FieldError> errors = new ArrayList<>();
    NewMember member = NewMember.check(rawEmail, rawRole == null ? "owner" : rawRole, errors);
    String chosen = password == null ? Ids.randomToken(15) : password;
    String weakness = Passwords.weakness(chosen);
    if (weakness != null) {
      errors.add(FieldError.body("password", weakness));
    }
    if (!errors.isEmpty()) {
      return Uni.createFrom().failure(new ValidationFailedException(errors));
    }
    return passwords
        .hash(chosen)
        .chain(hash -> insert(merchantId, member.email(), member.role(), hash))
        .map(id -> new Created(id, member.email(), member.role(), chosen));
  }

  /** Inserts an active user (its own transaction); 409 when the address already has one. */
  Uni<String> insert(String merchantId, String email, ConsoleRole role, String passwordHash) {
    String id = Ids.newId("usr");
    return Panache.withTransaction(
            () ->
                ConsoleUser.insertUnlessTaken(
                    id, merchantId, email, passwordHash, role, Timestamps.now(clock)))
        .map(
            inserted -> {
              if (!inserted) {
                throw ApiException.conflict("A console user with this email already exists.");
              }
              return id;
            });
  }
}
