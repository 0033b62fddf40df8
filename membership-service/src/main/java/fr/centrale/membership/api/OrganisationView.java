package fr.centrale.membership.api;

import fr.centrale.common.organisation.Category;
import fr.centrale.membership.Organisation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record OrganisationView(UUID id, String name, String siret, String siren, Category category,
                               Integer population, Integer headcount, String finess, Address address,
                               String departement, Chorus chorus, List<ContactView> contacts,
                               Instant createdAt, Instant updatedAt, long version) {

    public static OrganisationView of(Organisation o) {
        Chorus chorus = o.chorusLegalCommitment == null && o.chorusServiceCode == null ? null
                : new Chorus(o.chorusLegalCommitment, o.chorusServiceCode);
        return new OrganisationView(o.id, o.name, o.siret, o.siret.substring(0, 9), o.category, o.population,
                o.headcount, o.finess, new Address(o.street, o.postalCode, o.city), o.departement, chorus,
                o.contacts.stream().map(ContactView::of).toList(), o.createdAt, o.updatedAt, o.version);
    }
}
