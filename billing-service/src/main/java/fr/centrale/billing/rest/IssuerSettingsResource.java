package fr.centrale.billing.rest;

import fr.centrale.billing.api.IssuerSettingsPatch;
import fr.centrale.billing.api.IssuerSettingsView;
import fr.centrale.billing.service.IssuerSettingsService;
import fr.centrale.common.web.Params;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

/**
 * The settings each issuer's titres state (docs/rules.md, R-4, R-5): public information, read by any caller;
 * changed by an admin only (common/identity Access), as a new dated revision.
 */
@Path("/api/v1/issuers/{code}/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Issuer settings", description = "Officer, executory formula, payment details, imputation, recourse, no-VAT "
        + "mention and Hélios codes (PES V2) of each issuer, dated and append-only")
public class IssuerSettingsResource {

    private static final String EXAMPLE = """
            {"id": "6a1e0000-0000-4000-8000-000000000003", "issuer": "FIBRE5962", "revision": 1, "validFrom": "2000-01-01",
             "officer": {"name": "Martin", "firstNames": "Marie", "title": "Présidente du syndicat mixte, ordonnatrice"},
             "executoryFormula": "Titre exécutoire en application de l'article L. 1617-5 du code général des collectivités territoriales.",
             "accountant": {"kind": "COMPTABLE_PUBLIC", "name": "Service de gestion comptable d'Arras", "postalCode": "62000", "city": "Arras"},
             "iban": "FR933000100462C621000000063", "bic": "BDFEFRPPCCT", "paymentMeans": ["VIREMENT", "CHEQUE", "CARTE"],
             "imputation": {"nature": "7474", "function": "01"},
             "recourse": "Dans le délai de deux mois suivant la réception du présent titre, ... Tribunal administratif de Lille ...",
             "noVatMention": "TVA non applicable, article 256 B du CGI",
             "helios": {"postingCode": "062009", "collectivityId": "25620103500016", "collectivityCode": "103", "budgetCode": "01",
                        "productCode": "CTB", "postingLabel": "SGC ARRAS", "budgetLabel": "EXEMPLE - A CONFIRMER PAR L EMETTEUR"},
             "version": 1}""";

    @Inject
    IssuerSettingsService settings;

    @GET
    @Operation(operationId = "getIssuerSettings", summary = "Read an issuer's settings in force",
            description = "The revision in force today (Europe/Paris), or on `on`. `DEFAULT` holds those of any issuer without its own.")
    @APIResponse(responseCode = "200", description = "The revision in force", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IssuerSettingsView.class), examples = @ExampleObject(name = "La Fibre 59 62", value = EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public IssuerSettingsView get(@PathParam("code") @Parameter(description = "Issuer code", example = "RESAH") String code,
                                  @QueryParam("on") @Parameter(description = "The date (default today)",
                                          schema = @Schema(type = SchemaType.STRING, format = "date")) String on) {
        return settings.inForce(code, Params.date("on", on));
    }

    @GET
    @Path("/revisions")
    @Operation(operationId = "listIssuerSettingsRevisions", summary = "List every revision of an issuer's settings",
            description = "Oldest first; none is ever changed or deleted.")
    @APIResponse(responseCode = "200", description = "The revisions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = IssuerSettingsView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<IssuerSettingsView> revisions(@PathParam("code") @Parameter(description = "Issuer code", example = "RESAH") String code) {
        return settings.revisions(code);
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "changeIssuerSettings", summary = "Change an issuer's settings (new revision)",
            description = "Adds a revision valid from `validFrom` (default today, not in the past) stating the fields sent and, for the "
                    + "others, those of the revision in force on that date. Send the `version` read (or If-Match): a stale one gets 409. "
                    + "IBAN (ISO 13616), BIC (ISO 9362) and every required text are checked: 422 INVALID_ISSUER_SETTINGS names each "
                    + "field. Titres already issued keep the revision they reference.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuerSettingsPatch.class),
            examples = @ExampleObject(name = "new officer by delegation", value = """
                    {"validFrom": "2027-01-01", "officer": {"name": "Martin", "firstNames": "Marie", "title": "Directrice générale, ordonnatrice"},
                     "delegate": {"name": "Durand", "firstNames": "Paul", "title": "Directeur administratif et financier"}, "version": 1}""")))
    @APIResponse(responseCode = "200", description = "The new revision", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IssuerSettingsView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public IssuerSettingsView change(@PathParam("code") @Parameter(description = "Issuer code", example = "RESAH") String code,
                                     @HeaderParam("If-Match") String ifMatch,
                                     @NotNull @Valid IssuerSettingsPatch patch) {
        return settings.change(code, patch, Params.ifMatch(ifMatch));
    }
}
