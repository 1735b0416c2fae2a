package dev.payplatform.events.rest;

/** The answer to a delete. */
public record DeletedResponse(String id, String object, boolean deleted) {}
