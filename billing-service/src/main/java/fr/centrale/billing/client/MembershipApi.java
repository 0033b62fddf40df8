package fr.centrale.billing.client;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.billing.BillableItemPage;
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

import java.util.List;
import java.util.UUID;

/**
 * The raw HTTP contract of membership-service, limited to what billing-service reads. Base URL and
 * connect/read timeouts: {@code quarkus.rest-client.membership.*}. Not to be used directly:
 * {@link SourceDirectory} (through {@link SourceCalls}) adds timeout, retry, circuit breaker and
 * error translation. Dates are sent as yyyy-MM-dd.
 *
 * <p>Every call names billing-service as its caller with the {@code reader} role
 * ({@code X-Centrale-User}, {@code X-Centrale-Roles}), as the gateway would forward it, so that the
 * call is answered when the source runs with {@code centrale.identity.required=true}; a reader sees
 * every organisation's data and may only read.
 */
@ClientHeaderParam(name = IdentityFilter.USER, value = SourceDirectory.CALLER)
@ClientHeaderParam(name = IdentityFilter.ROLES, value = Access.READER)
@RegisterRestClient(configKey = "membership")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface MembershipApi {

    @GET
    @Path("/organisations/{id}")
    RemoteViews.Organisation organisation(@PathParam("id") UUID id);

    /** {@code code} may also be the purchasing body's UUID. */
    @GET
    @Path("/purchasing-bodies/{code}")
    RemoteViews.PurchasingBody purchasingBody(@PathParam("code") String code);

    /** The billing feed: items issued on or before {@code through}, {@code size} memberships after the cursor. */
    @GET
    @Path("/memberships/billable-items")
    BillableItemPage billableItems(@QueryParam("through") String through, @QueryParam("after") UUID after,
                                   @QueryParam("size") int size);

    /** Every membership of the organisation, whatever its state (size at most 500). */
    @GET
    @Path("/memberships")
    PageResponse<RemoteViews.Source> memberships(@QueryParam("organisationId") UUID organisationId,
                                                 @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/memberships/{id}/billing-schedule")
    List<BillableItem> schedule(@PathParam("id") UUID membershipId, @QueryParam("through") String through);

    /**
     * A 404 gets its own exception so that retry and circuit breaker can tell "does not exist" from
     * "is broken". Any other error status falls through to the default mapper (WebApplicationException).
     */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() == 404) {
            return new SourceServiceNotFound("membership-service answered 404");
        }
        return null;
    }
}
