package fr.centrale.membership.rest;

import fr.centrale.common.idempotency.IdempotencyService;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Params;
import fr.centrale.common.organisation.Category;
import fr.centrale.membership.api.ContactRequest;
import fr.centrale.membership.api.ContactView;
import fr.centrale.membership.api.OrganisationPatch;
import fr.centrale.membership.api.OrganisationRequest;
import fr.centrale.membership.api.OrganisationView;
import fr.centrale.membership.service.OrganisationService;
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

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "Adhérents, signatories and beneficiaries, identified by SIRET, with their contacts")
public class OrganisationResource {

    @Inject
    OrganisationService service;

    @Inject
    IdempotencyService idempotency;

    @POST
    @Operation(operationId = "createOrganisation", summary = "Register an organisation",
            description = "The SIRET is checked (14 digits, Luhn, La Poste exception; spaces ignored) and unique. "
                    + "The postal code gives the département.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganisationRequest.class),
            examples = @ExampleObject(name = "CA Béthune-Bruay", value = Examples.ORGANISATION_REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class),
                    examples = @ExampleObject(name = "CA Béthune-Bruay", value = Examples.ORGANISATION)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@HeaderParam(IdempotencyService.HEADER) @Parameter(description = "Replays the first answer for the same key and body") String key,
                           @NotNull @Valid OrganisationRequest request) {
        return idempotency.create(key, "POST /organisations", request, () -> service.create(request),
                created -> location(created.id()));
    }

    @GET
    @Operation(operationId = "listOrganisations", summary = "Search organisations", description = "By SIRET (spaces ignored), category, or part of the name (`q`).")
    @APIResponse(responseCode = "200", description = "A page of organisations, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = Examples.ORGANISATION_PAGE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public PageResponse<OrganisationView> list(
            @QueryParam("siret") @Parameter(description = "Only the organisation with this SIRET, e.g. 20007246000013") String siret,
            @QueryParam("category") @Parameter(schema = @Schema(implementation = Category.class)) String category,
            @QueryParam("q") @Parameter(description = "Only the organisations whose name contains this text, e.g. Béthune") String q,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        return service.list(siret, Params.enumValue("category", Category.class, category), q,
                PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrganisation", summary = "Read an organisation")
    @APIResponse(responseCode = "200", description = "The organisation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "CA Béthune-Bruay", value = Examples.ORGANISATION)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public OrganisationView get(@PathParam("id") String id) {
        return service.get(Params.pathId("Organisation", id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateOrganisation", summary = "Change an organisation",
            description = "Absent fields are left as they are. Send the `version` read (or If-Match): a stale one gets 409. "
                    + "Titres already issued keep what they stated.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganisationPatch.class),
            examples = @ExampleObject(name = "new Chorus references",
                    value = "{\"chorus\": {\"legalCommitment\": \"1300098765\", \"serviceCode\": \"DSI\"}, \"version\": 0}")))
    @APIResponse(responseCode = "200", description = "The organisation as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "changed", value = Examples.ORGANISATION)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public OrganisationView patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                  @NotNull @Valid OrganisationPatch patch) {
        return service.patch(Params.pathId("Organisation", id), patch, Params.ifMatch(ifMatch));
    }

    @POST
    @Path("/{id}/contacts")
    @Operation(operationId = "addContact", summary = "Add a contact person", description = "Personal data: see /api/v1/contacts for access and erasure.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContactRequest.class),
            examples = @ExampleObject(name = "contact", value = Examples.CONTACT_REQUEST)))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response addContact(@PathParam("id") String id,
                               @HeaderParam(IdempotencyService.HEADER) @Parameter(description = "Replays the first answer for the same key and body") String key,
                               @NotNull @Valid ContactRequest request) {
        UUID organisationId = Params.pathId("Organisation", id);
        return idempotency.create(key, "POST /organisations/" + organisationId + "/contacts", request,
                () -> service.addContact(organisationId, request),
                created -> UriBuilder.fromResource(ContactResource.class).path(created.id().toString()).path("personal-data").build());
    }

    @GET
    @Path("/{id}/contacts")
    @Operation(operationId = "listContacts", summary = "List an organisation's contacts")
    @APIResponse(responseCode = "200", description = "Contacts, by name")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<ContactView> contacts(@PathParam("id") String id) {
        return service.contactsOf(Params.pathId("Organisation", id));
    }

    private static URI location(UUID id) {
        return UriBuilder.fromResource(OrganisationResource.class).path(id.toString()).build();
    }
}
