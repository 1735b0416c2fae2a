package dev.payplatform.edge.console.rest;

/** The team's settings an owner changes: whether everyone must sign in with two factors. */
public record TeamSettingsRequest(Boolean requireTwoFactor) {}
