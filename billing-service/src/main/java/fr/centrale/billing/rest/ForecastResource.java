package fr.centrale.billing.rest;

import fr.centrale.billing.api.ForecastView;
import fr.centrale.billing.service.ForecastService;
import fr.centrale.common.identity.Caller;
import fr.centrale.common.problem.FieldError;
import fr.centrale.common.problem.ProblemException;
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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/forecasts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Forecasts", description = "What a debtor owes for a year, issued and to issue, for its budget")
public class ForecastResource {

    @Inject
    ForecastService forecasts;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getForecast", summary = "Forecast of a debtor for a fiscal year",
            description = "Titres issued that year (net of corrections) and billable items still to issue that year, per purchasing body "
                    + "and source, with the total. 503 when a source service cannot be reached. An adherent reads only its own "
                    + "organisation's forecast, which `debtorId` defaults to.")
    @APIResponse(responseCode = "200", description = "The forecast")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ForecastView forecast(@QueryParam("debtorId") @Parameter(description = "Required, but for an adherent",
                                         schema = @Schema(type = SchemaType.STRING, format = "uuid")) String debtorId,
                                 @QueryParam("year") @Parameter(required = true, example = "2025") String year) {
        Caller.Filter filter = caller.filterFor(Params.uuid("debtorId", debtorId));
        if (filter.nothing()) {
            throw ProblemException.notFound("Organisation", debtorId);
        }
        UUID debtor = filter.organisationId();
        Integer y = Params.integer("year", year);
        List<FieldError> missing = new ArrayList<>();
        if (debtor == null) {
            missing.add(new FieldError("debtorId", "is required"));
        }
        if (y == null) {
            missing.add(new FieldError("year", "is required"));
        } else if (y < 2000 || y > 2100) {
            missing.add(new FieldError("year", "must be between 2000 and 2100"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        return forecasts.forecast(debtor, y);
    }
}
