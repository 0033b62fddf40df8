package fr.centrale.convention.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One membership as membership-service lists it. {@code kind} stays a string (MEMBER or
 * THIRD_PARTY_BENEFICIARY): a kind added later there must not make every answer unreadable here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MembershipSummary(UUID id, UUID organisationId, String purchasingBody, String kind,
                                LocalDate startsOn, LocalDate endsOn) {

    public static final String MEMBER = "MEMBER";
    public static final String THIRD_PARTY_BENEFICIARY = "THIRD_PARTY_BENEFICIARY";
}
