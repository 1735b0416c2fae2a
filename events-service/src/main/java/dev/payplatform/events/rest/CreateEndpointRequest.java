package dev.payplatform.events.rest;

import dev.payplatform.commons.validation.TrimmedText;
import java.util.List;

/**
 * The body of {@code POST /v1/webhook_endpoints}.
 *
 * @param url required: where events are POSTed; https in live mode
 * @param enabledEvents required: event types, prefixes ({@code payment.*}) or {@code *}
 * @param description optional, at most 500 characters
 */
public record CreateEndpointRequest(
    String url, List<String> enabledEvents, @TrimmedText(max = 500) String description) {}
