package fr.centrale.billing.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import fr.centrale.common.identity.Access;
import fr.centrale.common.identity.IdentityFilter;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/**
 * membership-service's {@code POST /api/v1/organisations/lookup}: up to 1000 organisations in one call
 * (same base URL and timeouts as {@link MembershipApi}: {@code quarkus.rest-client.membership.*}). Used
 * through {@link DebtorLookup} only.
 */
@ClientHeaderParam(name = IdentityFilter.USER, value = SourceDirectory.CALLER)
@ClientHeaderParam(name = IdentityFilter.ROLES, value = Access.READER)
@RegisterRestClient(configKey = "membership")
@Path("/api/v1/organisations/lookup")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface OrganisationLookupApi {

    int MAX_IDS = 1000;

    record Lookup(List<UUID> ids) {
    }

    /** The organisations that exist among the ids (unknown ones are left out). */
    @POST
    List<RemoteViews.Organisation> lookup(Lookup request);

    /**
     * 404 or 405: this membership-service has no lookup (an older version): {@link DebtorLookup} then
     * reads the organisations one by one.
     */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() == 404 || response.getStatus() == 405) {
            return new SourceServiceNotFound("membership-service answered " + response.getStatus() + " to the organisation lookup");
        }
        return null;
    }
}
