package dev.payplatform.events.rest;

import dev.payplatform.commons.validation.TrimmedText;
import java.util.List;

/**
 * The body of {@code PATCH /v1/webhook_endpoints/{id}}: only the fields given change.
 *
 * @param disabled true stops deliveries to the endpoint, false resumes them
 */
public record UpdateEndpointRequest(
    String url,
    List<String> enabledEvents,
    @TrimmedText(max = 500) String description,
    Boolean disabled) {}
