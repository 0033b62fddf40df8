package fr.centrale.billing.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/**
 * The parts of membership-service's and convention-service's JSON that billing-service reads, in
 * their wire shape. Unknown properties are ignored so that the services may extend their views
 * without breaking us. {@link SourceDirectory} turns them into {@link DebtorSnapshot} and
 * {@link IssuerSnapshot}; nothing outside this package sees them.
 */
final class RemoteViews {

    private RemoteViews() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Address(String street, String postalCode, String city) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Chorus(String legalCommitment, String serviceCode) {
    }

    /** {@code GET /api/v1/organisations/{id}} (membership-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Organisation(UUID id, String name, String siret, Address address, Chorus chorus, String category) {

        DebtorSnapshot toSnapshot() {
            Address a = address == null ? new Address(null, null, null) : address;
            Chorus c = chorus == null ? new Chorus(null, null) : chorus;
            return new DebtorSnapshot(id, name, siret, a.street(), a.postalCode(), a.city(),
                    c.legalCommitment(), c.serviceCode(), category);
        }
    }

    /** {@code GET /api/v1/purchasing-bodies/{code}} (membership-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PurchasingBody(UUID id, String code, String name, String siret, Address address, int paymentTermDays,
                          String court) {

        IssuerSnapshot toSnapshot() {
            Address a = address == null ? new Address(null, null, null) : address;
            return new IssuerSnapshot(code, name, siret, a.street(), a.postalCode(), a.city(), paymentTermDays, court);
        }
    }

    /** A membership or a convention in a list: only its id is read, to ask for its billing schedule. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Source(UUID id) {
    }
}
