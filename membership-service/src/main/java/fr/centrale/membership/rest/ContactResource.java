package fr.centrale.membership.rest;

import fr.centrale.common.web.Params;
import fr.centrale.membership.api.PersonalDataExport;
import fr.centrale.membership.service.OrganisationService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts (personal data)", description = "RGPD rights of access and erasure on contact persons")
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

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "eraseContact", summary = "Erase a contact", description = "RGPD right to erasure (article 17): the contact's data are deleted; "
            + "only the fact that a contact of the organisation was erased, and when, is kept.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void erase(@PathParam("id") String id) {
        service.eraseContact(Params.pathId("Contact", id));
    }
}
