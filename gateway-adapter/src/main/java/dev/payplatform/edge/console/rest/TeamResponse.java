package dev.payplatform.edge.console.rest;

import java.util.List;

/** The team: its members and the invites still open. */
public record TeamResponse(List<TeamMemberResponse> data, List<PendingInviteResponse> invites) {}
