package fr.centrale.membership.api;

import java.time.Instant;
import java.util.UUID;

/** Everything Centrale holds on one contact (RGPD right of access, article 15). */
public record PersonalDataExport(UUID contactId, String name, String role, String email, String phone,
                                 Holder heldBy, String purpose, String legalBasis, String recipients,
                                 String retention, Instant recordedAt, Instant updatedAt, Instant exportedAt) {

    public record Holder(UUID organisationId, String organisationName, String organisationSiret) {
    }
}
