package dev.payplatform.edge.console.rest;

/** An invite not yet accepted nor expired. */
public record PendingInviteResponse(String id, String email, String role, String expiresAt) {}
