package dev.payplatform.edge.console.rest;

/** A new invite with its sign-up link (shown this once: only the token's hash is kept). */
public record InviteResponse(
    String id, String email, String role, String expiresAt, String signupUrl) {}
