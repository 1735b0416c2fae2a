package dev.payplatform.edge.console.rest;

/** What the signed-in user's role allows, for the pages to show or hide actions. */
public record PermissionsResponse(boolean canWrite, boolean canManageKeys, boolean canManageTeam) {}
