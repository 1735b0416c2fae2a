package dev.payplatform.edge.console.rest;

/** Who is signed in. */
public record SessionUserResponse(String id, String email, String role) {}
