package fr.centrale.membership.rest;

import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.idempotency.IdempotencyService;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Params;
import fr.centrale.common.billing.BillableItemPage;
import fr.centrale.common.billing.FeedRequest;
import fr.centrale.membership.api.BulletinRequest;
import fr.centrale.membership.api.BulletinView;
import fr.centrale.membership.api.MembershipPatch;
import fr.centrale.membership.api.MembershipRequest;
import fr.centrale.membership.api.MembershipView;
import fr.centrale.membership.api.NonRenewalRequest;
import fr.centrale.membership.api.TerminationRequest;
import fr.centrale.membership.service.MembershipService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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

@Path("/api/v1/memberships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Memberships", description = "Adhésions: RESAH (yearly fee, tacit renewal), CAIH (member or third-party beneficiary), "
        + "La Fibre 59 62 (indefinite, 59/62 local authorities)")
public class MembershipResource {


    @Inject
    MembershipService service;

    @Inject
    IdempotencyService idempotency;

    @POST
    @Operation(operationId = "createMembership", summary = "Record a membership",
            description = "RESAH: the first titre is issued on the bulletin's receipt, unless received after 31 October "
                    + "(then the first fee is the next year's, at its Q1 run). CAIH: eligible organisations are members, "
                    + "others third-party beneficiaries. La Fibre 59 62: local authorities and their public establishments "
                    + "of the Nord and Pas-de-Calais only (422 OUTSIDE_TERRITORY).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MembershipRequest.class),
            examples = @ExampleObject(name = "Département, RESAH bulletin", value = Examples.MEMBERSHIP_REQUEST)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MembershipView.class),
                    examples = @ExampleObject(name = "RESAH member", value = Examples.MEMBERSHIP)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@HeaderParam(IdempotencyService.HEADER) @Parameter(description = "Replays the first answer for the same key and body") String key,
                           @NotNull @Valid MembershipRequest request) {
        return idempotency.create(key, "POST /memberships", request, () -> service.create(request),
                created -> UriBuilder.fromResource(MembershipResource.class).path(created.id().toString()).build());
    }

    @GET
    @Operation(operationId = "listMemberships", summary = "List memberships", description = "Filter by organisation, purchasing body (code or id) and the day they are in force.")
    @APIResponse(responseCode = "200", description = "A page of memberships",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = Examples.MEMBERSHIP_PAGE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public PageResponse<MembershipView> list(
            @QueryParam("organisationId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String organisationId,
            @QueryParam("purchasingBody") @Parameter(description = "Only the memberships of this purchasing body code, e.g. RESAH") String purchasingBody,
            @QueryParam("activeOn") @Parameter(description = "Only the memberships in force on this date, e.g. 2025-06-30", schema = @Schema(type = SchemaType.STRING, format = "date")) String activeOn,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        return service.list(Params.uuid("organisationId", organisationId), purchasingBody, Params.date("activeOn", activeOn),
                PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMembership", summary = "Read a membership")
    @APIResponse(responseCode = "200", description = "The membership",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "RESAH member", value = Examples.MEMBERSHIP)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public MembershipView get(@PathParam("id") String id) {
        return service.get(Params.pathId("Membership", id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "correctMembership", summary = "Correct a membership's Chorus Pro references",
            description = "docs/rules.md, R-3: the membership's own EJ and code service (the organisation's are only defaults). "
                    + "A value replaces the current one, an empty string clears it, an absent field keeps it. Send the "
                    + "`version` read (or If-Match): a stale one gets 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MembershipPatch.class),
            examples = @ExampleObject(name = "new EJ", value = "{\"chorusLegalCommitment\": \"2300004512\", \"chorusServiceCode\": \"DSI\", \"version\": 0}")))
    @APIResponse(responseCode = "200", description = "The membership as corrected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MembershipView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public MembershipView patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                @NotNull @Valid MembershipPatch patch) {
        return service.patch(Params.pathId("Membership", id), patch, Params.ifMatch(ifMatch));
    }

    @POST
    @Path("/{id}/bulletins")
    @Operation(operationId = "addMembershipBulletin", summary = "Record a bulletin renewing the membership on new terms",
            description = "docs/rules.md, R-15: a membership is renewed or updated on a new bulletin (seed 000: \"mettre à jour le "
                    + "bulletin d'adhésion\" after the 2023 tariff change), never by a second membership. Dated after the latest "
                    + "bulletin (422 BULLETIN_NOT_AFTER_LATEST) and not after the membership's end (422 MEMBERSHIP_ENDED). Its "
                    + "category and stated fee must agree with the organisation and the fee schedule (422 FEE_CATEGORY_MISMATCH, "
                    + "STATED_FEE_MISMATCH). Its Chorus references become the membership's, carried by the titres issued from "
                    + "its date on.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BulletinRequest.class),
            examples = @ExampleObject(name = "Pas-de-Calais, 2023 tariffs", value = Examples.BULLETIN_REQUEST)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulletinView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response addBulletin(@PathParam("id") String id,
                                @HeaderParam(IdempotencyService.HEADER) @Parameter(description = "Replays the first answer for the same key and body") String key,
                                @NotNull @Valid BulletinRequest request) {
        java.util.UUID membershipId = Params.pathId("Membership", id);
        return idempotency.create(key, "POST /memberships/" + membershipId + "/bulletins", request,
                () -> service.addBulletin(membershipId, request),
                created -> UriBuilder.fromResource(MembershipResource.class).path(membershipId.toString()).path("bulletins").build());
    }

    @GET
    @Path("/{id}/bulletins")
    @Operation(operationId = "listMembershipBulletins", summary = "The bulletins the membership was signed or renewed on",
            description = "docs/rules.md, R-15: oldest first; the first is the one the membership was created on.")
    @APIResponse(responseCode = "200", description = "The bulletins, by date",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = BulletinView.class),
                    examples = @ExampleObject(name = "Pas-de-Calais", value = Examples.BULLETINS)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<BulletinView> bulletins(@PathParam("id") String id) {
        return service.bulletins(Params.pathId("Membership", id));
    }

    @POST
    @Path("/{id}/non-renewal")
    @Operation(operationId = "recordNonRenewal", summary = "Record a non-renewal letter (RESAH)",
            description = "Received by 30 October: the membership ends on 31 December of that year. Received on 31 October "
                    + "or later: it is renewed once more and ends on 31 December of the next year (D-1, D-7).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NonRenewalRequest.class),
            examples = @ExampleObject(name = "in time", value = "{\"receivedOn\": \"2024-10-15\"}")))
    @APIResponse(responseCode = "200", description = "The membership with its end",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "ends 31/12/2024", value = Examples.MEMBERSHIP_ENDING)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public MembershipView nonRenewal(@PathParam("id") String id, @NotNull @Valid NonRenewalRequest request) {
        return service.nonRenewal(Params.pathId("Membership", id), request);
    }

    @POST
    @Path("/{id}/termination")
    @Operation(operationId = "terminateMembership", summary = "Record a termination (CAIH, La Fibre 59 62)",
            description = "Takes effect after the purchasing body's notice (La Fibre: one month, CAIH: three) or at a later "
                    + "chosen date; `endsOn` is the eve of `effectiveOn`. No indemnity, no refund.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TerminationRequest.class),
            examples = @ExampleObject(name = "one month's notice", value = "{\"notifiedOn\": \"2025-03-15\"}")))
    @APIResponse(responseCode = "200", description = "The membership with its end")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public MembershipView terminate(@PathParam("id") String id, @NotNull @Valid TerminationRequest request) {
        return service.terminate(Params.pathId("Membership", id), request);
    }

    @GET
    @Path("/{id}/billing-schedule")
    @Operation(operationId = "getMembershipBillingSchedule", summary = "The membership's billable items",
            description = "Every yearly fee titre the membership implies, issued on or before `through` (default: 31 December next year).")
    @APIResponse(responseCode = "200", description = "Billable items, by sequence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "worked example 1", value = Examples.SCHEDULE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<BillableItem> schedule(@PathParam("id") String id,
                                       @QueryParam("through") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2027-12-31") String through) {
        return service.schedule(Params.pathId("Membership", id), Params.date("through", through));
    }

    @GET
    @Path("/billable-items")
    @Operation(operationId = "listMembershipBillableItems", summary = "Feed of every membership's billable items (for billing runs)",
            description = "Items issued on or before `through`, a page of memberships at a time in a stable order. "
                    + "Pass `nextCursor` as `after` until it is null.")
    @APIResponse(responseCode = "200", description = "A page of billable items",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BillableItemPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public BillableItemPage feed(
            @QueryParam("through") @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2025-01-02") String through,
            @QueryParam("after") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String after,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "500", maximum = "1000")) String size) {
        FeedRequest feed = FeedRequest.of(through, after, size);
        return service.billableItems(feed.through(), feed.after(), feed.size());
    }
}
