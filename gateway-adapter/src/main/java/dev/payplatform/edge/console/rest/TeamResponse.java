package dev.payplatform.edge.console.rest;

import java.util.List;

/** The team: its members, the invites still open, and whether it requires two-factor sign-in. */
public record TeamResponse(
    List<TeamMemberResponse> data, List<PendingInviteResponse> invites, boolean requireTwoFactor) {}
