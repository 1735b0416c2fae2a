package dev.payplatform.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each request sample of the published documentation is valid for its operation's schema. */
class DocumentedSamplesValidateTest {

  @Test
  void everyDocumentedRequestValidatesAgainstTheReference() throws Exception {
    JsonNode doc = Reference.generated();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    List<String> invalid = new ArrayList<>();
    int checked = 0;
    for (DocumentedSamples.Sample s : DocumentedSamples.load()) {
      if (s.request() == null || s.request().isNull()) {
        continue;
      }
      JsonNode schema =
          doc.path("paths")
              .path(DocumentedSamples.pathOf(doc.path("paths"), s.path()))
              .path(s.method())
              .path("requestBody")
              .path("content")
              .path("application/json")
              .path("schema");
      assertThat(schema.isMissingNode()).as("%s has a request schema", s.operation()).isFalse();
      Set<ValidationMessage> errors =
          factory.getSchema(Reference.resolved(schema, doc)).validate(s.request());
      errors.forEach(e -> invalid.add(s.name() + ": " + e.getMessage()));
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
    assertThat(invalid).isEmpty();
  }

  @Test
  void aSampleWithAWrongTypeIsRefused() throws Exception {
    JsonNode doc = Reference.generated();
    JsonNode schema =
        doc.path("paths")
            .path("/v1/payments/")
            .path("post")
            .path("requestBody")
            .path("content")
            .path("application/json")
            .path("schema");
    JsonNode wrong =
        MergeOpenApi.JSON.readTree(
            "{\"amount\": 49.99, \"description\": \"d\", \"currency\": \"USD\","
                + " \"items\": [\"x\"], \"return_url\": \"https://e.com\"}");
    assertThat(
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Reference.resolved(schema, doc))
                .validate(wrong))
        .isNotEmpty();
  }
}
