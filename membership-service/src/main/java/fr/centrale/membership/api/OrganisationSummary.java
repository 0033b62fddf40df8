package fr.centrale.membership.api;

import fr.centrale.common.organisation.Category;
import fr.centrale.membership.Organisation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * An organisation as a debtor or a party: {@link OrganisationView} without its contacts (personal
 * data nobody needs to issue a titre).
 */
@Schema(description = "An organisation without its contacts")
public record OrganisationSummary(UUID id, String name, String siret, String siren, Category category,
                                  Integer population, Integer headcount, String finess, Address address,
                                  String departement, Chorus chorus, long version) {

    public static OrganisationSummary of(Organisation o) {
        Chorus chorus = o.chorusLegalCommitment == null && o.chorusServiceCode == null ? null
                : new Chorus(o.chorusLegalCommitment, o.chorusServiceCode);
        return new OrganisationSummary(o.id, o.name, o.siret, o.siret.substring(0, 9), o.category, o.population,
                o.headcount, o.finess, new Address(o.street, o.postalCode, o.city), o.departement, chorus, o.version);
    }
}
