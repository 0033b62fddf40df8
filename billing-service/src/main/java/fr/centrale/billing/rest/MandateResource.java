package fr.centrale.billing.rest;

import fr.centrale.billing.TitreKind;
import fr.centrale.billing.api.TitreView;
import fr.centrale.billing.service.TitreService;
import fr.centrale.common.identity.Caller;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Params;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/mandates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mandats 673", description = "Corrections of titres of closed fiscal years (docs/rules.md, R-7)")
public class MandateResource {

    @Inject
    TitreService titres;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listMandates", summary = "List the mandats 673",
            description = "The corrections (cancellation or reduction) of titres of an earlier fiscal year, recorded as expenses of "
                    + "the year of the correction (kind MANDATE_673, numbered RESAH-2025-M673-000001), each referencing the titre it "
                    + "corrects (`cancels`); `year` is the mandat's own fiscal year. Also readable at /api/v1/titres/{id}. An adherent "
                    + "lists only its own organisation's.")
    @APIResponse(responseCode = "200", description = "A page of mandats, as titres")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PageResponse<TitreView> list(
            @QueryParam("issuer") @Parameter(description = "Purchasing body code, e.g. RESAH") String issuer,
            @QueryParam("year") @Parameter(description = "The mandats' fiscal year, e.g. 2025", schema = @Schema(type = SchemaType.INTEGER)) String year,
            @QueryParam("debtorId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String debtorId,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        Caller.Filter debtor = caller.filterFor(Params.uuid("debtorId", debtorId));
        PageRequest p = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        Integer y = Params.integer("year", year);
        if (debtor.nothing()) {
            return new PageResponse<>(List.of(), p.page(), p.size(), 0);
        }
        return titres.list(debtor.organisationId(), issuer, y, null, null, TitreKind.MANDATE_673, p);
    }
}
