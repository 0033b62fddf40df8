package fr.centrale.convention.rest;

import jakarta.ws.rs.DELETE;
import fr.centrale.convention.service.EligibilityService;
import fr.centrale.convention.api.EligibleBeneficiaryView;
import fr.centrale.convention.api.EligibleBeneficiaryRequest;
import fr.centrale.common.idempotency.IdempotencyService;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Params;
import fr.centrale.convention.api.CatalogueCsv;
import fr.centrale.convention.api.OfferRequest;
import fr.centrale.convention.api.OfferView;
import fr.centrale.convention.service.OfferService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Offers", description = "The catalogue: framework agreements, lots and formulas of the purchasing bodies, with their tariff grids")
public class OfferResource {

    @Inject
    OfferService service;

    @Inject
    IdempotencyService idempotency;

    @Inject
    EligibilityService eligibility;

    @GET
    @Operation(operationId = "listOffers", summary = "List the offers",
            description = "Every offer of the catalogue (RESAH 2021-046-001, 2021-047-001, 2021-008 lots 1-4, 2020-027 lot 1 "
                    + "formulas, 2021-045 lots 2 and 4, 2021-063-002, CAIH SO360) exists out of the box, with its grid. "
                    + "Current versions only unless `includeSuperseded=true`.")
    @APIResponse(responseCode = "200", description = "A page of offers, by purchasing body and code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = Examples.OFFER_PAGE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public PageResponse<OfferView> list(
            @QueryParam("purchasingBody") @Parameter(description = "Purchasing body code, e.g. RESAH") String purchasingBody,
            @QueryParam("includeSuperseded") @Parameter(description = "Also the versions a newer one replaced",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String includeSuperseded,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        return service.list(purchasingBody, bool("includeSuperseded", includeSuperseded),
                PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    @GET
    @Path("/export")
    @Produces(CatalogueCsv.MEDIA_TYPE)
    @Operation(operationId = "exportCatalogue", summary = "Export the catalogue as CSV for Excel",
            description = "UTF-8 with BOM, `;` separator, decimal comma, CRLF; one line per tariff row of the current versions "
                    + "(a CAIH grid adds its group cap and local-authority amount); `Sur devis` for a quote.")
    @APIResponse(responseCode = "200", description = "catalogue.csv",
            content = @Content(mediaType = CatalogueCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "catalogue", value = Examples.CATALOGUE_CSV)))
    public Response export(@QueryParam("purchasingBody") @Parameter(description = "Purchasing body code, e.g. RESAH") String purchasingBody) {
        byte[] csv = service.exportCsv(purchasingBody).getBytes(StandardCharsets.UTF_8);
        return Response.ok(csv, CatalogueCsv.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"catalogue.csv\"")
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOffer", summary = "Read an offer", description = "`id` is its UUID (that very version, superseded or not) "
            + "or its code (RESAH-2021-008-LOT3: the current version).")
    @APIResponse(responseCode = "200", description = "The offer with its tariff grid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "RESAH 2021-008 lot 3", value = Examples.OFFER)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public OfferView get(@PathParam("id") @Parameter(example = "RESAH-2021-008-LOT3") String id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/versions")
    @Operation(operationId = "listOfferVersions", summary = "List the versions of an offer", description = "Oldest first; conventions keep the version they were signed under.")
    @APIResponse(responseCode = "200", description = "Every version of the offer's code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "RESAH 2021-008 lot 3", value = "[" + Examples.OFFER + "]")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<OfferView> versions(@PathParam("id") @Parameter(example = "RESAH-2021-008-LOT3") String id) {
        return service.versions(id);
    }

    @GET
    @Path("/{id}/eligible-beneficiaries")
    @Operation(operationId = "listEligibleBeneficiaries", summary = "List an offer's potential beneficiaries",
            description = "The SIRETs an offer open only to a list accepts (docs/rules.md, R-12): LISTED offers (2021-045 lots 2 "
                    + "and 4, 2021-047-001, 2021-063-002) accept only them as signatory and beneficiaries; MEMBER_OR_LISTED "
                    + "(2020-027) accepts a RESAH member or a listed former beneficiary of market 2016-042. The list belongs "
                    + "to the offer's code (every version). An empty list restricts nothing until loaded.")
    @APIResponse(responseCode = "200", description = "The listed SIRETs, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EligibleBeneficiaryView.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "2021-045 lot 2", value = "[{\"offer\": \"RESAH-2021-045-LOT2\", \"siret\": "
                            + "\"20004132100018\", \"name\": \"CA de Béthune-Bruay, Artois Lys Romane\", \"addedAt\": \"2026-12-03T09:00:00Z\"}]")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<EligibleBeneficiaryView> eligibleBeneficiaries(@PathParam("id") @Parameter(example = "RESAH-2021-045-LOT2") String id) {
        return eligibility.list(id);
    }

    @POST
    @Path("/{id}/eligible-beneficiaries")
    @Operation(operationId = "addEligibleBeneficiary", summary = "List a SIRET as a potential beneficiary of an offer",
            description = "Admin only. 422 OFFER_HAS_NO_ELIGIBILITY_LIST for an offer open to all; 409 ELIGIBLE_BENEFICIARY_EXISTS "
                    + "when listed already (docs/rules.md, R-12).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EligibleBeneficiaryRequest.class),
            examples = @ExampleObject(name = "a communauté d'agglomération",
                    value = "{\"siret\": \"20004132100018\", \"name\": \"CA de Béthune-Bruay, Artois Lys Romane\"}")))
    @APIResponse(responseCode = "201", description = "Listed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EligibleBeneficiaryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response addEligibleBeneficiary(@PathParam("id") @Parameter(example = "RESAH-2021-045-LOT2") String id,
                                           @NotNull @Valid EligibleBeneficiaryRequest request) {
        EligibleBeneficiaryView added = eligibility.add(id, request);
        return Response.created(UriBuilder.fromResource(OfferResource.class).path(added.offer()).path("eligible-beneficiaries")
                .path(added.siret()).build()).entity(added).build();
    }

    @DELETE
    @Path("/{id}/eligible-beneficiaries/{siret}")
    @Operation(operationId = "removeEligibleBeneficiary", summary = "Remove a SIRET from an offer's potential beneficiaries",
            description = "Admin only. Conventions signed already stay; a draft is checked again at its signature (docs/rules.md, R-12).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response removeEligibleBeneficiary(@PathParam("id") @Parameter(example = "RESAH-2021-045-LOT2") String id,
                                              @PathParam("siret") @Parameter(example = "20004132100018") String siret) {
        eligibility.remove(id, siret);
        return Response.noContent().build();
    }

    @POST
    @Operation(operationId = "createOffer", summary = "Add an offer", description = "A framework agreement, lot or formula with its grid. Rows are tried in "
            + "the order given, the first that matches wins; a row without amount, or a case no row matches, is on quote. "
            + "An existing code gets 409 `OFFER_EXISTS`: change its terms with a new version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OfferRequest.class),
            examples = @ExampleObject(name = "RESAH 2021-008 lot 3", value = Examples.OFFER_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfferView.class),
                    examples = @ExampleObject(name = "RESAH 2021-008 lot 3", value = Examples.OFFER)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@HeaderParam(IdempotencyService.HEADER) @Parameter(description = "Replays the first answer for the same key and body") String key,
                           @NotNull @Valid OfferRequest request) {
        return idempotency.create(key, "POST /offers", request, () -> service.create(request), created -> location(created.id()));
    }

    @POST
    @Path("/{id}/versions")
    @Operation(operationId = "createOfferVersion", summary = "Add a version of an offer's terms",
            description = "Same body as a new offer, with the same code. The current version becomes superseded and keeps its "
                    + "grid untouched: conventions signed under it stay on it. `id` is the code or the id of any version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OfferRequest.class),
            examples = @ExampleObject(name = "RESAH 2021-008 lot 3", value = Examples.OFFER_REQUEST)))
    @APIResponse(responseCode = "201", description = "The new current version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response newVersion(@PathParam("id") @Parameter(example = "RESAH-2021-008-LOT3") String id,
                               @HeaderParam(IdempotencyService.HEADER) @Parameter(description = "Replays the first answer for the same key and body") String key,
                               @NotNull @Valid OfferRequest request) {
        return idempotency.create(key, "POST /offers/" + id.trim().toUpperCase(java.util.Locale.ROOT) + "/versions", request,
                () -> service.newVersion(id, request), created -> location(created.id()));
    }

    private static URI location(UUID id) {
        return UriBuilder.fromResource(OfferResource.class).path(id.toString()).build();
    }

    private static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "'" + value + "' is not true or false");
        };
    }
}
