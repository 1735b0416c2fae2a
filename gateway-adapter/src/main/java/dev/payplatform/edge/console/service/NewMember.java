package dev.payplatform.edge.console.service;

import dev.payplatform.commons.errors.FieldError;
import dev.payplatform.edge.console.domain.ConsoleRole;
import dev.payplatform.edge.console.domain.ConsoleUser;
import java.util.List;

/**
 * Who joins a team, as an operator's creation or an owner's invite names them: a normalized email
 * and a role. {@link #check} adds what is wrong to the request's field errors.
 */
record NewMember(String email, ConsoleRole role) {
  static NewMember check(String rawEmail, String rawRole, List<FieldError> errors) {
    String email = ConsoleUser.normalizeEmail(rawEmail);
    if (email == null) {
      errors.add(FieldError.body("email", "must be an email address"));
    }
    ConsoleRole role = ConsoleRole.fromWord(rawRole).orElse(null);
    if (role == null) {
      errors.add(FieldError.body("role", "must be one of owner, developer, viewer"));
    }
    return new NewMember(email, role);
  }
}
