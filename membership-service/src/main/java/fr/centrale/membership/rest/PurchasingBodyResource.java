package fr.centrale.membership.rest;

import fr.centrale.common.idempotency.IdempotencyService;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Params;
import fr.centrale.membership.api.FeeScheduleRequest;
import fr.centrale.membership.api.FeeScheduleView;
import fr.centrale.membership.api.PurchasingBodyPatch;
import fr.centrale.membership.api.PurchasingBodyRequest;
import fr.centrale.membership.api.PurchasingBodyView;
import fr.centrale.membership.service.PurchasingBodyService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/purchasing-bodies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Purchasing bodies", description = "Centrales d'achat (RESAH, CAIH, La Fibre 59 62) and their yearly membership fees")
public class PurchasingBodyResource {

    @Inject
    PurchasingBodyService service;

    @Inject
    IdempotencyService idempotency;

    @GET
    @Operation(operationId = "listPurchasingBodies", summary = "List purchasing bodies", description = "RESAH, CAIH and FIBRE5962 exist out of the box.")
    @APIResponse(responseCode = "200", description = "A page of purchasing bodies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = Examples.BODY_PAGE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public PageResponse<PurchasingBodyView> list(@QueryParam("page") @Parameter(example = "0") String page,
                                                 @QueryParam("size") @Parameter(example = "50") String size) {
        return service.list(PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPurchasingBody", summary = "Read a purchasing body", description = "`id` is its UUID or its code (RESAH).")
    @APIResponse(responseCode = "200", description = "The purchasing body",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "RESAH", value = Examples.BODY)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PurchasingBodyView get(@PathParam("id") @Parameter(example = "RESAH") String id) {
        return service.get(id);
    }

    @POST
    @Operation(operationId = "createPurchasingBody", summary = "Add a purchasing body")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PurchasingBodyRequest.class),
            examples = @ExampleObject(name = "UGAP", value = Examples.BODY_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PurchasingBodyView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@HeaderParam(IdempotencyService.HEADER) @Parameter(description = "Replays the first answer for the same key and body") String key,
                           @NotNull @Valid PurchasingBodyRequest request) {
        return idempotency.create(key, "POST /purchasing-bodies", request, () -> service.create(request),
                created -> UriBuilder.fromResource(PurchasingBodyResource.class).path(created.id().toString()).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updatePurchasingBody", summary = "Change a purchasing body", description = "Name, address, payment term, notice, court, "
            + "the La Fibre franchise window and its end `franchiseEndsOn` (docs/rules.md, R-14). Send the `version` read "
            + "(or If-Match): a stale one gets 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PurchasingBodyPatch.class),
            examples = {@ExampleObject(name = "franchise window", value = "{\"franchise\": {\"windowStart\": \"2022-01-19\", \"years\": 2}, \"version\": 0}"),
                    @ExampleObject(name = "franchise end", value = "{\"franchiseEndsOn\": \"2027-01-31\", \"version\": 0}")}))
    @APIResponse(responseCode = "200", description = "The purchasing body as changed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public PurchasingBodyView patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                    @NotNull @Valid PurchasingBodyPatch patch) {
        return service.patch(id, patch, Params.ifMatch(ifMatch));
    }

    @GET
    @Path("/{id}/membership-fees")
    @Operation(operationId = "listMembershipFees", summary = "List the yearly membership fee schedules",
            description = "A year's schedule applies to later years until a new one is entered (D-8).")
    @APIResponse(responseCode = "200", description = "Schedules by year",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "RESAH",
                    value = "[{\"purchasingBody\": \"RESAH\", \"year\": 2023, \"medicoSocial\": 300.00, \"other\": 600.00}]")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<FeeScheduleView> fees(@PathParam("id") @Parameter(example = "RESAH") String id) {
        return service.fees(id);
    }

    @PUT
    @Path("/{id}/membership-fees/{year}")
    @Operation(operationId = "setMembershipFees", summary = "Set the membership fees of one year",
            description = "Enters or corrects one year's rates; other years and titres already issued are untouched.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeeScheduleRequest.class),
            examples = @ExampleObject(name = "RESAH 2026", value = "{\"medicoSocial\": 300.00, \"other\": 600.00}")))
    @APIResponse(responseCode = "200", description = "The fee schedule of that year",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "RESAH 2026",
                    value = "{\"purchasingBody\": \"RESAH\", \"year\": 2026, \"medicoSocial\": 300.00, \"other\": 600.00}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public FeeScheduleView putFees(@PathParam("id") @Parameter(example = "RESAH") String id,
                                   @PathParam("year") @Parameter(example = "2026") String year,
                                   @NotNull @Valid FeeScheduleRequest request) {
        Integer y = Params.integer("year", year);
        if (y == null) {
            throw ProblemException.invalid("year", "is required");
        }
        return service.putFees(id, y, request);
    }
}
