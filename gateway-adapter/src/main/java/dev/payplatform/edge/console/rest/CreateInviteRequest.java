package dev.payplatform.edge.console.rest;

/** An owner invites someone to the team. */
public record CreateInviteRequest(String email, String role) {}
