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
 * The raw HTTP contract of convention-service, limited to what billing-service reads. Base URL and
 * connect/read timeouts: {@code quarkus.rest-client.convention.*}. Not to be used directly:
 * {@link SourceDirectory} (through {@link SourceCalls}) adds timeout, retry, circuit breaker and
 * error translation. Dates are sent as yyyy-MM-dd. Identifies billing-service as
 * {@link MembershipApi} does.
 */
@ClientHeaderParam(name = IdentityFilter.USER, value = SourceDirectory.CALLER)
@ClientHeaderParam(name = IdentityFilter.ROLES, value = Access.READER)
@RegisterRestClient(configKey = "convention")
@Path("/api/v1/conventions")
@Produces(MediaType.APPLICATION_JSON)
interface ConventionApi {

    /** The billing feed: items issued on or before {@code through}, {@code size} signed conventions after the cursor. */
    @GET
    @Path("/billable-items")
    BillableItemPage billableItems(@QueryParam("through") String through, @QueryParam("after") UUID after,
                                   @QueryParam("size") int size);

    /** Every convention the organisation signed or benefits from, whatever its status (size at most 500). */
    @GET
    PageResponse<RemoteViews.Source> conventions(@QueryParam("organisationId") UUID organisationId,
                                                 @QueryParam("page") int page, @QueryParam("size") int size);

    /** Every item the convention implies, whatever its issue date (a draft implies none). */
    @GET
    @Path("/{id}/billing-schedule")
    List<BillableItem> schedule(@PathParam("id") UUID conventionId);

    /** See {@link MembershipApi#toException(Response)}. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() == 404) {
            return new SourceServiceNotFound("convention-service answered 404");
        }
        return null;
    }
}
