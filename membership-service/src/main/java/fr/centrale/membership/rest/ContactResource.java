package fr.centrale.membership.rest;

import fr.centrale.common.web.Params;
import fr.centrale.membership.api.ContactChangeView;
import fr.centrale.membership.api.ContactPatch;
import fr.centrale.membership.api.ContactView;
import fr.centrale.membership.api.PersonalDataExport;
import fr.centrale.membership.service.OrganisationService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts (personal data)", description = "RGPD rights of access, rectification and erasure on contact persons, "
        + "and the record of their changes")
public class ContactResource {

    @Inject
    OrganisationService service;

    @GET
    @Path("/{id}/personal-data")
    @Operation(operationId = "exportContact", summary = "Export everything held on a contact", description = "RGPD right of access (article 15).")
    @APIResponse(responseCode = "200", description = "The contact's personal data, with purpose, legal basis, recipients and retention",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "export", value = Examples.PERSONAL_DATA)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PersonalDataExport export(@PathParam("id") String id) {
        return service.exportContact(Params.pathId("Contact", id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "correctContact", summary = "Correct a contact",
            description = "RGPD right of rectification (article 16; docs/rules.md, R-16). A value replaces the current one, an "
                    + "empty string clears an optional field, an absent field keeps it. Send the `version` read (or If-Match): "
                    + "a stale one gets 409. The change is recorded: who (X-Centrale-User), when, which fields, old and new values.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContactPatch.class),
            examples = @ExampleObject(name = "new e-mail", value = "{\"email\": \"claire.martin-dubois@pasdecalais.fr\", \"version\": 0}")))
    @APIResponse(responseCode = "200", description = "The contact as corrected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ContactView correct(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                               @NotNull @Valid ContactPatch patch) {
        return service.correctContact(Params.pathId("Contact", id), patch, Params.ifMatch(ifMatch));
    }

    @GET
    @Path("/{id}/changes")
    @Operation(operationId = "listContactChanges", summary = "The recorded changes of a contact (administrators only)",
            description = "docs/rules.md, R-16: its creation, corrections and erasure, oldest first, each with who made it "
                    + "(X-Centrale-User), when, and the fields changed with their old and new values. Once the contact is "
                    + "erased, the record stays but keeps no value. 403 for any role but admin.")
    @APIResponse(responseCode = "200", description = "The changes, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ContactChangeView.class),
                    examples = @ExampleObject(name = "created then corrected", value = Examples.CONTACT_CHANGES)))
    @APIResponse(responseCode = "403", description = "Not an administrator",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<ContactChangeView> changes(@PathParam("id") String id) {
        return service.contactChanges(Params.pathId("Contact", id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "eraseContact", summary = "Erase a contact", description = "RGPD right to erasure (article 17): the contact's data are deleted; "
            + "only the fact that a contact of the organisation was erased, and when, is kept; the record of its changes "
            + "(docs/rules.md, R-16) keeps which fields changed, when and by whom, but no value any more.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void erase(@PathParam("id") String id) {
        service.eraseContact(Params.pathId("Contact", id));
    }
}
