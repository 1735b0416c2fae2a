package dev.payplatform.edge.console.rest;

/** A started enrolment: the secret as text, its otpauth URI, and that URI as a QR code image. */
public record TwoFactorEnrolmentResponse(String secret, String otpauthUri, String qrDataUrl) {}
