package dev.payplatform.edge.console.rest;

/** The team's settings. */
public record TeamSettingsResponse(boolean requireTwoFactor) {}
