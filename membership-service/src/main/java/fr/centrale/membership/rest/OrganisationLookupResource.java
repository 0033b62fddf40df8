package fr.centrale.membership.rest;

import fr.centrale.membership.api.OrganisationLookup;
import fr.centrale.membership.api.OrganisationSummary;
import fr.centrale.membership.service.OrganisationLookupService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * {@code POST /api/v1/organisations/lookup}: up to 1000 organisations in one call. A read, sent as a POST
 * because 1000 ids do not fit in a URL. billing-service uses it to freeze the debtors of a page of
 * billable items on their titres, rather than one {@code GET /organisations/{id}} per debtor.
 */
@Path("/api/v1/organisations/lookup")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
public class OrganisationLookupResource {

    @Inject
    OrganisationLookupService service;

    @POST
    @Operation(operationId = "lookupOrganisations", summary = "Read many organisations at once",
            description = "Up to 1000 ids; the organisations that exist, by id, without their contacts. Unknown ids are "
                    + "left out (no 404). Writes nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganisationLookup.class),
            examples = @ExampleObject(name = "two ids", value = "{\"ids\": [\"3f1c2a9e-5b7d-4c1e-9a2f-6d8e0b4c7a15\", "
                    + "\"9b2d4e6f-1a3c-4b5d-8e7f-0a1b2c3d4e5f\"]}")))
    @APIResponse(responseCode = "200", description = "The organisations found, by id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrganisationSummary.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<OrganisationSummary> lookup(@NotNull @Valid OrganisationLookup request) {
        return service.lookup(request.ids());
    }
}
