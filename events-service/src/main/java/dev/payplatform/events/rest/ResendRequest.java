package dev.payplatform.events.rest;

/**
 * The optional body of {@code POST /v1/events/{id}/resend}.
 *
 * @param endpointId one endpoint ({@code we_...}); absent means every endpoint that wants the event
 */
public record ResendRequest(String endpointId) {}
