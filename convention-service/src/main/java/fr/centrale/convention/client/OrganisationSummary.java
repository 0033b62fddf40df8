package fr.centrale.convention.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.centrale.common.organisation.Category;

import java.util.UUID;

/**
 * What convention-service needs to know of an organisation held by membership-service: enough to
 * size a tariff grid (category, population, headcount) and to check a territory (département).
 * Unknown properties are ignored so that membership-service may extend its view without breaking us.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganisationSummary(UUID id, String name, String siret, Category category, Integer population,
                                  Integer headcount, String departement) {
}
