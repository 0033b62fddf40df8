package fr.centrale.billing.rest;

import fr.centrale.billing.api.PesRetourReport;
import fr.centrale.billing.service.PesService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * PES V2 files from the comptable public (issue 17): admin and finance post them (common/identity Access).
 */
@Path("/api/v1/pes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "PES V2", description = "Files exchanged with the comptable public's Hélios: bordereaux of titres out (see billing runs), receipts back")
public class PesResource {

    @Inject
    PesService pes;

    @POST
    @Path("/retours")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(operationId = "importPesRetour", summary = "Record the receipts of a PES_Retour",
            description = "The comptable's PES_Retour (recette), as Hélios sends it (ISO-8859-1 or UTF-8, as its XML declaration says), is "
                    + "validated against PES_V2/RETOUR/Rev0/PES_Retour.xsd (5.17), its budget (IdColl, CodColl, CodBud) named the "
                    + "issuer whose settings carry those Hélios codes, then each EncaissementEmargement of money (OrgEma 01, 02, 03, "
                    + "10) is matched to its titre by fiscal year, bordereau and titre numbers and recorded as a payment, once: the "
                    + "same file posted again records nothing new (alreadyRecorded). A line that matches no titre, another "
                    + "bordereau, a cancelled titre, or would overpay is refused with its code, and the valid lines are still "
                    + "recorded; each line is recorded whole or not at all, in one transaction. 422 PES_INVALID names the schema "
                    + "error of a malformed or invalid file (nothing recorded); 422 PES_UNKNOWN_BUDGET when no issuer has the "
                    + "file's Hélios codes.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_XML,
            schema = @Schema(type = SchemaType.STRING, format = "binary", description = "A PES_Retour file")))
    @APIResponse(responseCode = "200", description = "What was recorded, already recorded and refused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PesRetourReport.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public PesRetourReport retour(byte[] body) {
        return pes.retour(body);
    }
}
