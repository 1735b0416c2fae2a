package dev.payplatform.catalog.rest;

import dev.payplatform.commons.validation.TrimmedText;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /v1/products}. Only these fields bind: id, livemode, created_at or a
 * merchant sent by the client are ignored.
 *
 * @param name required; trimmed, 1-250 characters, one line
 * @param description optional; trimmed, at most 2000 characters; blank means none
 * @param active optional, default true
 */
public record CreateProductRequest(
    @NotNull @TrimmedText(min = 1, max = 250) String name,
    @TrimmedText(max = 2000, multiline = true) String description,
    Boolean active) {}
