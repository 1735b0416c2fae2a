package dev.payplatform.edge.rest;

/** A rolled key: the new secret (shown once) and both keys' states. */
public record RolledKeyResponse(ApiKeyResponse key, String secretKey, ApiKeyResponse previous) {}
