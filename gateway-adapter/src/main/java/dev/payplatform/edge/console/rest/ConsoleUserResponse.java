package dev.payplatform.edge.console.rest;

/** A console user the operator created, with its password (shown this once). */
public record ConsoleUserResponse(
    String id, String object, String email, String role, String password) {}
