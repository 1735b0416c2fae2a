package dev.payplatform.catalog.rest;

import dev.payplatform.catalog.rest.validation.EmailAddress;
import dev.payplatform.catalog.rest.validation.PhoneNumber;
import dev.payplatform.commons.validation.TrimmedText;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /v1/customers}.
 *
 * @param email required; a valid address, trimmed, at most 254 characters
 * @param name optional; trimmed, at most 250 characters, one line
 * @param description optional; trimmed, at most 2000 characters
 * @param phone optional; 7-15 digits with an optional leading +, spaces, dots, dashes, parentheses
 */
public record CreateCustomerRequest(
    @NotNull @EmailAddress String email,
    @TrimmedText(max = 250) String name,
    @TrimmedText(max = 2000, multiline = true) String description,
    @PhoneNumber String phone) {}
