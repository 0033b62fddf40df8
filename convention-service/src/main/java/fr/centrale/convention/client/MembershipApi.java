package fr.centrale.convention.client;

import fr.centrale.common.identity.Access;
import fr.centrale.common.identity.IdentityFilter;
import fr.centrale.common.web.PageResponse;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * The raw HTTP contract of membership-service, limited to what convention-service reads. Base URL
 * and connect/read timeouts: {@code quarkus.rest-client.membership.*}. Not to be used directly:
 * {@link MembershipDirectory} adds timeout, retry, circuit breaker and error translation.
 * <p>
 * convention-service calls as itself, with the identity headers a gateway-forwarded request carries and the
 * reader role (it only reads), so that membership-service answers it when {@code centrale.identity.required=true}.
 */
@RegisterRestClient(configKey = "membership")
@ClientHeaderParam(name = IdentityFilter.USER, value = MembershipApi.SERVICE_USER)
@ClientHeaderParam(name = IdentityFilter.ROLES, value = Access.READER)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface MembershipApi {

    String SERVICE_USER = "convention-service";

    @GET
    @Path("/organisations/{id}")
    OrganisationSummary organisation(@PathParam("id") UUID id);

    /** Memberships of the organisation with the purchasing body (code or id) in force on {@code activeOn} (yyyy-MM-dd). */
    @GET
    @Path("/memberships")
    PageResponse<MembershipSummary> memberships(@QueryParam("organisationId") UUID organisationId,
                                                @QueryParam("purchasingBody") String purchasingBody,
                                                @QueryParam("activeOn") String activeOn);

    /**
     * A 404 gets its own exception so that retry and circuit breaker can tell "does not exist" from
     * "is broken". Any other error status falls through to the default mapper (WebApplicationException).
     */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() == 404) {
            return new MembershipServiceNotFound("membership-service answered 404");
        }
        return null;
    }
}
