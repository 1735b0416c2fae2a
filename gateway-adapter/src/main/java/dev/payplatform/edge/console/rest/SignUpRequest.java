package dev.payplatform.edge.console.rest;

/** Accept an invite: its token and the new user's password. */
public record SignUpRequest(String token, String password) {}
