package dev.payplatform.edge.console.rest;

/** Switch the session between test and live data. */
public record SwitchModeRequest(String mode) {}
