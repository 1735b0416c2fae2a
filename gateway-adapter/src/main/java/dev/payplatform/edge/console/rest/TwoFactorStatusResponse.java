package dev.payplatform.edge.console.rest;

/** A user's two-factor sign-in: on or not, since when, recovery codes left, the team's rule. */
public record TwoFactorStatusResponse(
    boolean enabled, String enrolledAt, long recoveryCodesLeft, boolean requiredByTeam) {}
