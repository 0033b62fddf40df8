package fr.centrale.convention;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;
import java.util.UUID;

/** A beneficiary's share as an amendment adding a beneficiary restates it (docs/rules.md, R-11). */
@Embeddable
public class AmendmentShare {

    @Column(name = "organisation_id")
    public UUID organisationId;
    public BigDecimal amount;

    public AmendmentShare() {
    }

    public AmendmentShare(UUID organisationId, BigDecimal amount) {
        this.organisationId = organisationId;
        this.amount = amount;
    }
}
