package dev.payplatform.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** docs/openapi.yaml is what the build merges from the code, never an edited copy. */
class TheCommittedReferenceIsCurrentTest {

  @Test
  void docsOpenapiYamlEqualsWhatTheBuildMerged() throws Exception {
    String merged = Files.readString(Reference.GENERATED);
    String committed = Files.readString(Reference.ROOT.resolve("docs/openapi.yaml"));
    assertThat(committed)
        .as(
            "docs/openapi.yaml is stale: rebuild it with"
                + " `mvn -pl api-reference -am package -DskipTests -Dreference.update=true`")
        .isEqualTo(merged);
  }
}
