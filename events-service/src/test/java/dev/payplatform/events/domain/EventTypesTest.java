package dev.payplatform.events.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventTypesTest {
  @Test
  void theKnownTypesAreExactlyTheOnesWithASchemaInDocs() throws IOException {
    Set<String> documented = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("../docs/events"))) {
      files
          // merchant.* events belong to no mode: operators', never in a merchant's log
          .filter(p -> !p.getParent().getFileName().toString().equals("merchants"))
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".schema.json"))
          // reconciliation's runs and items are operators' too (docs/connectors.md)
          .filter(n -> !n.startsWith("reconciliation_"))
          .forEach(n -> documented.add(n.substring(0, n.length() - ".schema.json".length())));
    }
    assertThat(documented).isEqualTo(EventTypes.all());
  }

  @Test
  void patternsMatchExactPrefixAndAll() {
    assertThat(EventTypePatterns.matches("payment.*", "payment.succeeded")).isTrue();
    assertThat(EventTypePatterns.matches("payment.*", "payment_intent.succeeded")).isFalse();
    assertThat(EventTypePatterns.matches("*", "refund.created")).isTrue();
    assertThat(EventTypePatterns.matches("refund.created", "refund.created")).isTrue();
    assertThat(EventTypes.isUseful("checkout.session.*")).isTrue();
    assertThat(EventTypes.isUseful("paymnt.*")).isFalse();
    assertThat(EventTypes.isUseful("payment.")).isFalse();
    assertThat(EventTypePatterns.likeOperand("payment_intent.*")).isEqualTo("payment\\_intent.%");
  }
}
