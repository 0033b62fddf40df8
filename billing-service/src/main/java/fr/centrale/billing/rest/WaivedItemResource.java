package fr.centrale.billing.rest;

import fr.centrale.billing.api.WaivedItemView;
import fr.centrale.billing.service.WaivedItemService;
import fr.centrale.common.identity.Caller;
import fr.centrale.common.problem.ProblemException;
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

import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/waived-items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Waived items", description = "Billable items below their issuer's threshold, never issued (docs/rules.md, R-2)")
public class WaivedItemResource {

    @Inject
    WaivedItemService waived;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listWaivedItems", summary = "List the items waived below threshold",
            description = "Each item a run found below its issuer's threshold (the TTC its titre would claim), with the threshold "
                    + "and the run; newest first. `from` and `to` bound the date of the run (its asOf). An adherent lists only "
                    + "its own organisation's.")
    @APIResponse(responseCode = "200", description = "A page of waived items")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PageResponse<WaivedItemView> list(
            @QueryParam("issuer") @Parameter(description = "Purchasing body code, e.g. RESAH") String issuer,
            @QueryParam("debtorId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String debtorId,
            @QueryParam("runId") @Parameter(description = "The run that waived them", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String runId,
            @QueryParam("from") @Parameter(description = "Waived on or after", example = "2025-01-01") String from,
            @QueryParam("to") @Parameter(description = "Waived on or before", example = "2025-12-31") String to,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        Caller.Filter debtor = caller.filterFor(Params.uuid("debtorId", debtorId));
        PageRequest p = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        LocalDate f = Params.date("from", from);
        LocalDate t = Params.date("to", to);
        var run = Params.uuid("runId", runId);
        if (f != null && t != null && t.isBefore(f)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (debtor.nothing()) {
            return new PageResponse<>(List.of(), p.page(), p.size(), 0);
        }
        return waived.list(issuer, debtor.organisationId(), run, f, t, p);
    }
}
