package dev.payplatform.edge.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Roll a key: how long the old one keeps working (default {@code edge.key-roll-grace}). The console
 * accepts the same body and checks the range itself, with its own wording.
 */
public record RollKeyRequest(
    @Min(value = 0, message = "must be at least 0")
        @Max(value = 168, message = "must be at most 168 (7 days)")
        Integer gracePeriodHours) {}
