package fr.centrale.convention.rest;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.billing.BillableItemPage;
import fr.centrale.common.billing.FeedRequest;
import fr.centrale.common.idempotency.IdempotencyService;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Params;
import fr.centrale.convention.ConventionStatus;
import fr.centrale.convention.api.AlertView;
import fr.centrale.convention.api.AmendmentRequest;
import fr.centrale.convention.api.AmendmentView;
import fr.centrale.convention.api.ConventionRequest;
import fr.centrale.convention.api.ConventionView;
import fr.centrale.convention.api.OrderRequest;
import fr.centrale.convention.api.OrderView;
import fr.centrale.convention.api.SignatureRequest;
import fr.centrale.convention.api.SubsequentMarketView;
import fr.centrale.convention.api.TerminationRequest;
import fr.centrale.convention.service.AmendmentService;
import fr.centrale.convention.service.ConventionService;
import fr.centrale.convention.service.OrderService;
import fr.centrale.convention.service.ScheduleService;
import fr.centrale.convention.service.SubsequentMarketService;
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

import java.util.List;
import java.util.UUID;

@Path("/api/v1/conventions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Conventions", description = "Conventions with their beneficiaries, amendments, orders against maximum amounts, "
        + "termination and the billing schedule they imply")
public class ConventionResource {

    private static final String IDEMPOTENCY = "Replays the first answer for the same key and body";

    @Inject
    ConventionService conventions;

    @Inject
    AmendmentService amendments;

    @Inject
    OrderService orders;

    @Inject
    ScheduleService schedules;

    @Inject
    SubsequentMarketService markets;

    @Inject
    IdempotencyService idempotency;

    @POST
    @Operation(operationId = "createConvention", summary = "Create a convention (DRAFT)",
            description = "The signatory and every beneficiary must exist in membership-service. The annual amount is read "
                    + "from the offer's grid (category, group size, CAIH size classes); a category on quote needs "
                    + "`negotiatedAnnualAmount` (422 TARIFF_ON_QUOTE). The end is never after the offer's end nor longer than "
                    + "its maximum duration. 503 when membership-service cannot be reached (nothing written).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConventionRequest.class),
            examples = @ExampleObject(name = "Département, RESAH 2021-008 lot 3", value = ConventionExamples.CREATE)))
    @APIResponse(responseCode = "201", description = "Created as DRAFT",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConventionView.class),
                    examples = @ExampleObject(name = "convention", value = ConventionExamples.CONVENTION)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response create(@HeaderParam(IdempotencyService.HEADER) @Parameter(description = IDEMPOTENCY) String key,
                           @NotNull @Valid ConventionRequest request) {
        return idempotency.create(key, "POST /conventions", request, () -> conventions.create(request),
                created -> UriBuilder.fromResource(ConventionResource.class).path(created.id().toString()).build());
    }

    @GET
    @Operation(operationId = "listConventions", summary = "List conventions", description = "By organisation (signatory or beneficiary), offer code and status.")
    @APIResponse(responseCode = "200", description = "A page of conventions")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public PageResponse<ConventionView> list(
            @QueryParam("organisationId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String organisationId,
            @QueryParam("offer") @Parameter(description = "Only the conventions of this offer code, e.g. RESAH-2021-008-LOT3") String offer,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = ConventionStatus.class)) String status,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        return conventions.list(Params.uuid("organisationId", organisationId), offer,
                Params.enumValue("status", ConventionStatus.class, status),
                PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getConvention", summary = "Read a convention", description = "With its annual amount, grid row, tier, total commitment and "
            + "beneficiaries with their consumed amounts and status (ACTIVE, AT_RISK, LAPSED).")
    @APIResponse(responseCode = "200", description = "The convention",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "convention", value = ConventionExamples.CONVENTION)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ConventionView get(@PathParam("id") String id) {
        return conventions.get(Params.pathId("Convention", id));
    }

    @POST
    @Path("/{id}/signature")
    @Operation(operationId = "signConvention", summary = "Sign a draft convention (ACTIVE)",
            description = "RESAH conventions require the signatory's RESAH membership on the signature date (422 MEMBERSHIP_REQUIRED).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignatureRequest.class),
            examples = @ExampleObject(name = "signature", value = "{\"signedOn\": \"2024-01-10\"}")))
    @APIResponse(responseCode = "200", description = "The signed convention")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ConventionView sign(@PathParam("id") String id, @NotNull @Valid SignatureRequest request) {
        return conventions.sign(Params.pathId("Convention", id), request);
    }

    @POST
    @Path("/{id}/amendments")
    @Operation(operationId = "createAmendment", summary = "Record an amendment (avenant)",
            description = "ADD_BENEFICIARY: a move to a higher tariff owes the annual difference from the effective date, then every "
                    + "execution year; otherwise the offer's one-off fee. INCREASE_MAXIMUM: the offer's fee; refused for a lapsed "
                    + "beneficiary. NEW_SUBSEQUENT_MARKET (RESAH 2021-046-001, 2021-047-001): opens the next subsequent market "
                    + "with its own `maximumAmount` (required) and execution years, billed at the stated `amount` each "
                    + "(docs/rules.md, R-9). ADD_BENEFICIARY where beneficiaries pay their own shares: `shares` restates "
                    + "every beneficiary's share, adding up to the annual amount (422 SHARES_MUST_BE_RESTATED, "
                    + "SHARES_INCOMPLETE, SHARES_DO_NOT_ADD_UP), and `complementPayerId` says who pays the complementary "
                    + "contribution (default the signatory; 422 UNKNOWN_PAYER): docs/rules.md, R-11. "
                    + "Answers with the complementary contribution and the billable items it added.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AmendmentRequest.class),
            examples = {@ExampleObject(name = "a fifth beneficiary", value = ConventionExamples.AMENDMENT),
                    @ExampleObject(name = "a new subsequent market", value = ConventionExamples.NEW_SUBSEQUENT_MARKET),
                    @ExampleObject(name = "a beneficiary added with restated shares", value = ConventionExamples.RESTATED_SHARES)}))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AmendmentView.class),
                    examples = @ExampleObject(name = "tier change", value = ConventionExamples.AMENDMENT_CREATED)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response amend(@PathParam("id") String id, @HeaderParam(IdempotencyService.HEADER) @Parameter(description = IDEMPOTENCY) String key,
                          @NotNull @Valid AmendmentRequest request) {
        UUID conventionId = Params.pathId("Convention", id);
        return idempotency.create(key, "POST /conventions/" + conventionId + "/amendments", request,
                () -> amendments.create(conventionId, request),
                created -> UriBuilder.fromResource(ConventionResource.class).path(conventionId.toString())
                        .path("amendments").path(String.valueOf(created.number())).build());
    }

    @GET
    @Path("/{id}/amendments")
    @Operation(operationId = "listAmendments", summary = "List a convention's amendments")
    @APIResponse(responseCode = "200", description = "Amendments by number")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<AmendmentView> amendments(@PathParam("id") String id) {
        return amendments.list(Params.pathId("Convention", id));
    }

    @POST
    @Path("/{id}/orders")
    @Operation(operationId = "createOrder", summary = "Record an order against a beneficiary's maximum amount",
            description = "An order that would exceed the maximum is refused (422 MAXIMUM_AMOUNT_EXCEEDED) and records nothing; "
                    + "the one that reaches it makes the beneficiary LAPSED. From the at-risk threshold (80 %) the answer carries an alert. "
                    + "Under RESAH 2021-046-001 and 2021-047-001 it also counts against the subsequent market in force on "
                    + "`orderedOn` (or the one `subsequentMarket` names): beyond that market's maximum it is refused (422 "
                    + "ORDER_EXCEEDS_MAXIMUM), the order reaching it exhausts the market, and an exhausted market takes no more "
                    + "(422 SUBSEQUENT_MARKET_EXHAUSTED; docs/rules.md, R-9).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderRequest.class),
            examples = @ExampleObject(name = "order", value = ConventionExamples.ORDER)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response order(@PathParam("id") String id, @HeaderParam(IdempotencyService.HEADER) @Parameter(description = IDEMPOTENCY) String key,
                          @NotNull @Valid OrderRequest request) {
        UUID conventionId = Params.pathId("Convention", id);
        return idempotency.create(key, "POST /conventions/" + conventionId + "/orders", request,
                () -> orders.place(conventionId, request),
                created -> UriBuilder.fromResource(ConventionResource.class).path(conventionId.toString()).path("orders").build());
    }

    @GET
    @Path("/{id}/orders")
    @Operation(operationId = "listOrders", summary = "List a convention's orders")
    @APIResponse(responseCode = "200", description = "Orders by date")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<OrderView> orders(@PathParam("id") String id) {
        return orders.list(Params.pathId("Convention", id));
    }

    @GET
    @Path("/{id}/subsequent-markets")
    @Operation(operationId = "listSubsequentMarkets", summary = "A convention's subsequent markets",
            description = "RESAH 2021-046-001 and 2021-047-001 (docs/rules.md, R-9): each subsequent market with its period, "
                    + "maximum, orders consumed and remaining, exhaustion, and execution years (those billed). Market 1 opens "
                    + "with the convention; each NEW_SUBSEQUENT_MARKET amendment opens the next. Empty under other offers. A "
                    + "beneficiary that did not sign does not see the consumption (other organisations' orders).")
    @APIResponse(responseCode = "200", description = "Subsequent markets by number",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubsequentMarketView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
                    examples = @ExampleObject(name = "market 1 exhausted, market 2 open", value = ConventionExamples.SUBSEQUENT_MARKETS)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<SubsequentMarketView> subsequentMarkets(@PathParam("id") String id) {
        return markets.list(Params.pathId("Convention", id));
    }

    @GET
    @Path("/{id}/alerts")
    @Operation(operationId = "listConventionAlerts", summary = "Beneficiaries at risk of reaching their maximum, or lapsed",
            description = "Names who must tell the purchasing body: the signatory, or under 2021-047-001 the beneficiary itself.")
    @APIResponse(responseCode = "200", description = "Alerts")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<AlertView> alerts(@PathParam("id") String id) {
        return orders.alerts(Params.pathId("Convention", id));
    }

    @POST
    @Path("/{id}/termination")
    @Operation(operationId = "terminateConvention", summary = "Terminate a convention",
            description = "Takes effect after the offer's notice (CAIH: three months); no refund; nothing billed after the effective date.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TerminationRequest.class),
            examples = @ExampleObject(name = "CAIH notice", value = "{\"notifiedOn\": \"2024-11-15\"}")))
    @APIResponse(responseCode = "200", description = "The convention with its effective end")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public ConventionView terminate(@PathParam("id") String id, @NotNull @Valid TerminationRequest request) {
        return conventions.terminate(Params.pathId("Convention", id), request);
    }

    @GET
    @Path("/{id}/billing-schedule")
    @Operation(operationId = "getConventionBillingSchedule", summary = "Every billable item the convention implies",
            description = "Computed from its terms and amendments under its offer's pricing model (P, F or C); a draft implies none.")
    @APIResponse(responseCode = "200", description = "Billable items",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "worked example 3", value = ConventionExamples.SCHEDULE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<BillableItem> schedule(@PathParam("id") String id) {
        return conventions.schedule(Params.pathId("Convention", id));
    }

    @GET
    @Path("/billable-items")
    @Operation(operationId = "listConventionBillableItems", summary = "Feed of every convention's billable items (for billing runs)",
            description = "Items issued on or before `through`, a page of conventions at a time in a stable order. "
                    + "Pass `nextCursor` as `after` until it is null.")
    @APIResponse(responseCode = "200", description = "A page of billable items",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BillableItemPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public BillableItemPage feed(
            @QueryParam("through") @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2025-01-02") String through,
            @QueryParam("after") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String after,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "500", maximum = "1000")) String size) {
        FeedRequest feed = FeedRequest.of(through, after, size);
        return schedules.feed(feed.through(), feed.after(), feed.size());
    }
}
