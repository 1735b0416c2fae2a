package dev.payplatform.payments.config;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code platform.admin-token}, the operator API's token (required). It is a leaf of {@code
 * platform.*}, which platform-commons reads too, so no mapping of this service can declare the
 * whole prefix: it is read here, once.
 */
@Singleton
public class OperatorToken {
  public static final String PROPERTY = "platform.admin-token";

  private final String value;

  public OperatorToken(@ConfigProperty(name = PROPERTY) String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }
}
