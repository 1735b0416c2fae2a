package dev.payplatform.edge.console.rest;

import java.util.List;

/** The ten single-use recovery codes of a confirmed enrolment, shown this once. */
public record RecoveryCodesResponse(List<String> recoveryCodes) {}
