package dev.payplatform.edge.console.rest;

/** The operator creates a console user; without a password one is generated and returned. */
public record CreateConsoleUserRequest(String email, String role, String password) {}
