package dev.payplatform.edge.console.rest;

/** A member of the team; {@code you} marks the signed-in user. */
public record TeamMemberResponse(
    String id, String email, String role, String createdAt, boolean you, boolean twoFactor) {}
