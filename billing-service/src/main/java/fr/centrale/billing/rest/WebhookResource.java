package fr.centrale.billing.rest;

import fr.centrale.billing.api.WebhookDeliveryView;
import fr.centrale.billing.api.WebhookReplayRequest;
import fr.centrale.billing.api.WebhookSubscriberPatch;
import fr.centrale.billing.api.WebhookSubscriberRequest;
import fr.centrale.billing.api.WebhookSubscriberView;
import fr.centrale.billing.service.WebhookService;
import fr.centrale.common.identity.Access;
import fr.centrale.common.identity.Caller;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Params;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.util.UUID;

/**
 * Webhooks: the titre feed pushed to the systems that mirror the ledger. Subscribers are the admins' (their URL and
 * secret are theirs to see); finance may also read the deliveries; an adherent never sees any of it (403).
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Every event of the titre feed POSTed to subscribers, in feed order, signed in the Standard "
        + "Webhooks form (webhook-id, webhook-timestamp, webhook-signature: HMAC-SHA256), retried with back-off; the pull feed "
        + "GET /api/v1/titres/events stays the source of truth")
public class WebhookResource {

    private static final String SUBSCRIBER_EXAMPLE = """
            {"id": "3b0f6c2e-9d41-4f55-a0c7-5e1d2c3b4a59", "url": "https://sig.pasdecalais.fr/centrale/webhooks",
             "description": "Département du Pas-de-Calais — miroir du grand livre", "eventTypes": [], "enabled": true,
             "status": "UP_TO_DATE", "cursor": 1190, "feedPosition": 1190, "nextAttemptAt": null,
             "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "version": 0,
             "createdAt": "2025-01-02T08:00:00Z", "updatedAt": "2025-01-02T08:00:00Z"}""";
    private static final String DELIVERIES_EXAMPLE = """
            {"items": [{"id": 5321, "subscriberId": "3b0f6c2e-9d41-4f55-a0c7-5e1d2c3b4a59", "position": 1188, "type": "titre.payment",
                        "webhookId": "msg_3b0f6c2e9d414f55a0c75e1d2c3b4a59_1188", "status": "RETRYING", "attempts": 3,
                        "firstAttemptAt": "2025-01-28T09:00:00Z", "lastAttemptAt": "2025-01-28T09:00:15Z",
                        "nextAttemptAt": "2025-01-28T09:00:35Z", "deliveredAt": null, "lastHttpStatus": 503,
                        "lastResponse": "Service Unavailable"}],
             "page": 0, "size": 50, "total": 1}""";

    @Inject
    WebhookService webhooks;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createWebhookSubscriber", summary = "Register a webhook subscriber",
            description = "Admin only. Every event of the titre feed from `fromPosition` (default 1: the whole feed) of the chosen "
                    + "types is POSTed to `url`, in feed order. The answer carries the signing secret (`whsec_...`): it is shown "
                    + "this once and never again.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriberRequest.class),
            examples = @ExampleObject(name = "a department's finance system", value = """
                    {"url": "https://sig.pasdecalais.fr/centrale/webhooks", "description": "Département du Pas-de-Calais — miroir du grand livre",
                     "eventTypes": ["ISSUED", "PAYMENT", "CANCELLATION", "REDUCTION"], "fromPosition": 1}""")))
    @APIResponse(responseCode = "201", description = "The subscriber, with its secret (shown once)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriberView.class),
            examples = @ExampleObject(name = "created", value = SUBSCRIBER_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@NotNull @Valid WebhookSubscriberRequest request) {
        requireAdmin();
        WebhookSubscriberView created = webhooks.create(request);
        return Response.created(UriBuilder.fromResource(WebhookResource.class).path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhookSubscribers", summary = "List webhook subscribers",
            description = "Admin only; oldest first, each with its cursor and status. Secrets are never shown.")
    @APIResponse(responseCode = "200", description = "A page of subscribers")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public PageResponse<WebhookSubscriberView> list(
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        requireAdmin();
        return webhooks.list(PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookSubscriber", summary = "Read a webhook subscriber",
            description = "Admin only. Its cursor (the last position delivered), the feed's last position and its status.")
    @APIResponse(responseCode = "200", description = "The subscriber", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookSubscriberView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public WebhookSubscriberView get(@PathParam("id") String id) {
        requireAdmin();
        return webhooks.get(Params.pathId("Webhook subscriber", id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateWebhookSubscriber", summary = "Change, disable or enable a webhook subscriber",
            description = "Admin only. URL, description, event types, enabled. Disabled, it receives nothing and its cursor stays; "
                    + "enabled again, it resumes after its cursor at once. Send the `version` read (or If-Match): a stale one gets 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriberPatch.class),
            examples = @ExampleObject(name = "disable", value = "{\"enabled\": false, \"version\": 0}")))
    @APIResponse(responseCode = "200", description = "The subscriber as changed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookSubscriberView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public WebhookSubscriberView patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                       @NotNull @Valid WebhookSubscriberPatch patch) {
        requireAdmin();
        return webhooks.patch(Params.pathId("Webhook subscriber", id), patch, Params.ifMatch(ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhookSubscriber", summary = "Delete a webhook subscriber",
            description = "Admin only. Its deliveries go with it; nothing more is sent to it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@PathParam("id") String id) {
        requireAdmin();
        webhooks.delete(Params.pathId("Webhook subscriber", id));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/replay")
    @Operation(operationId = "replayWebhookDeliveries", summary = "Deliver again from a feed position",
            description = "Admin only. The subscriber's cursor goes back to just before `fromPosition`: every event from there is "
                    + "POSTed again, in order, with the same webhook-id as before (receivers deduplicate on it). A delivery in "
                    + "progress is SUPERSEDED. `fromPosition` beyond the first undelivered event is refused (422 CANNOT_SKIP_AHEAD).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookReplayRequest.class),
            examples = @ExampleObject(name = "replay", value = "{\"fromPosition\": 1200}")))
    @APIResponse(responseCode = "200", description = "The subscriber, its cursor moved back", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriberView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public WebhookSubscriberView replay(@PathParam("id") String id, @NotNull @Valid WebhookReplayRequest request) {
        requireAdmin();
        return webhooks.replay(Params.pathId("Webhook subscriber", id), request.fromPosition());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List a subscriber's deliveries",
            description = "Admin and finance. Newest first: each event delivered or being delivered, its status, attempts, "
                    + "last HTTP status and the start of the last answer.")
    @APIResponse(responseCode = "200", description = "A page of deliveries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "retrying", value = DELIVERIES_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", description = "Neither admin nor finance")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PageResponse<WebhookDeliveryView> deliveries(
            @PathParam("id") String id,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = WebhookDeliveryView.Status.class)) String status,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        require(Access.FINANCE);
        UUID subscriber = Params.pathId("Webhook subscriber", id);
        return webhooks.deliveries(subscriber, Params.enumValue("status", WebhookDeliveryView.Status.class, status),
                PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    private void requireAdmin() {
        require(null);
    }

    /** Admin, or {@code alsoAllowed}; a request without forwarded identity is an internal one (Caller). */
    private void require(String alsoAllowed) {
        if (!caller.isForwarded() || caller.roles().contains(Access.ADMIN)
                || (alsoAllowed != null && caller.roles().contains(alsoAllowed))) {
            return;
        }
        throw new ProblemException(403, "FORBIDDEN", "Forbidden", "Webhooks are for "
                + (alsoAllowed == null ? "admins" : "admins and " + alsoAllowed), null);
    }
}
