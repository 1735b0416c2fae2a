package dev.payplatform.edge.console.rest;

/** A code from an authenticator app (6 digits) or a recovery code. */
public record CodeRequest(String code) {}
