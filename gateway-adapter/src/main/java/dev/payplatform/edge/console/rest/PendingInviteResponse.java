package dev.payplatform.edge.console.rest;

/** An invite that still works: not accepted, revoked nor expired, its inviter still an owner. */
public record PendingInviteResponse(
    String id, String email, String role, String expiresAt, String invitedBy) {}
