package dev.payplatform.edge.console.rest;

/** Sign in to the console. */
public record SignInRequest(String email, String password) {}
