package dev.payplatform.edge.console.rest;

/** An open invite as the sign-up page shows it: who is invited, as what, to which merchant. */
public record SignUpInviteResponse(String email, String role, ConsoleMerchantResponse merchant) {}
