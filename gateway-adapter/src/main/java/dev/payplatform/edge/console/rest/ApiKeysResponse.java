package dev.payplatform.edge.console.rest;

import dev.payplatform.edge.rest.ApiKeyResponse;
import java.util.List;

/** The merchant's keys in the session's mode. */
public record ApiKeysResponse(List<ApiKeyResponse> data) {}
