package dev.payplatform.edge.console.rest;

/** The merchant as its console shows it; the live gateway account is read-only here. */
public record ConsoleMerchantResponse(String id, String name, String gatewayAccountId) {}
