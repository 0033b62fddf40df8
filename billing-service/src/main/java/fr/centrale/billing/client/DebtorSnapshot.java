package fr.centrale.billing.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/**
 * The debtor of a titre as membership-service describes the organisation at the time of reading:
 * what a titre de recettes prints (name, SIRET, postal address) and the Chorus Pro references
 * (engagement juridique, code service), null when the organisation has none; its category (REGION, DEPARTEMENT,
 * COMMUNE, EPS...), which a PES V2 file states (not frozen on a titre: read when the file is made).
 *
 * <p>A flat value, read by {@link SourceDirectory#debtor(java.util.UUID)} from membership-service's
 * nested view ({@code address{...}}, {@code chorus{...}}); as JSON it is flat too, so that it can be
 * kept as is (e.g. frozen on an issued titre) and read back.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DebtorSnapshot(UUID id, String name, String siret, String street, String postalCode, String city,
                             String chorusLegalCommitment, String chorusServiceCode, String category) {

    /** Without the organisation's category (membership-service's {@code category}, e.g. DEPARTEMENT). */
    public DebtorSnapshot(UUID id, String name, String siret, String street, String postalCode, String city,
                          String chorusLegalCommitment, String chorusServiceCode) {
        this(id, name, siret, street, postalCode, city, chorusLegalCommitment, chorusServiceCode, null);
    }
}
