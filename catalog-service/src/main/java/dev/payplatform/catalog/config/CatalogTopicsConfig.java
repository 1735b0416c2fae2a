package dev.payplatform.catalog.config;

import io.smallrye.config.ConfigMapping;

/**
 * {@code platform.topics.*} as catalog knows them: only its own topic (catalog consumes none). A
 * mapping rejects properties under its prefix it does not declare, so a topic catalog starts to
 * read is declared here.
 */
@ConfigMapping(prefix = "platform.topics")
public interface CatalogTopicsConfig {
  /** Where catalog's events go ({@code catalog.events}). */
  String catalog();
}
