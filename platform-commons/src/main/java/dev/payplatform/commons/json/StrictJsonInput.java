package dev.payplatform.commons.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.payplatform.commons.config.JsonConfig;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * With {@code platform.json.strict-scalars=true}, request bodies bind only values of the declared
 * JSON type: {@code "name": 5}, {@code "amount": 99.99} (a float, not the documented decimal
 * string) or {@code "active": "yes"} are a 422 naming the field (type_error) instead of being
 * silently turned into {@code "5"}, {@code "99.99"} or {@code true}, as Jackson does by default.
 */
@Singleton
public class StrictJsonInput implements ObjectMapperCustomizer {
  private final boolean enabled;

  public StrictJsonInput(JsonConfig config) {
    this.enabled = config.strictScalars();
  }

  @Override
  public void customize(ObjectMapper mapper) {
    if (!enabled) {
      return;
    }
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
  }
}
