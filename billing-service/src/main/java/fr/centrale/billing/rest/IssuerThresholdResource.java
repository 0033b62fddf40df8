package fr.centrale.billing.rest;

import fr.centrale.billing.api.ThresholdRequest;
import fr.centrale.billing.api.ThresholdView;
import fr.centrale.billing.client.SourceDirectory;
import fr.centrale.billing.service.ThresholdService;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.time.ParisClock;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.regex.Pattern;

@Path("/api/v1/issuers/{code}/thresholds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Issuing thresholds", description = "No titre below an issuer's threshold (docs/rules.md, R-2)")
public class IssuerThresholdResource {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{2,32}");

    @Inject
    ThresholdService thresholds;

    @Inject
    SourceDirectory sources;

    @Inject
    Clock clock;

    @GET
    @Operation(operationId = "getIssuerThresholds", summary = "An issuer's issuing thresholds",
            description = "Every dated entry and the threshold in force today; an issuer without entries has the default of 15 € "
                    + "(CGCT D1611-1). Items whose titre would claim less (TTC) are waived by the runs, never issued.")
    @APIResponse(responseCode = "200", description = "The thresholds", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ThresholdView.class), examples = @ExampleObject(name = "RESAH", value = """
            {"issuer": "RESAH", "inForce": 15.00, "entries": [{"validFrom": "2000-01-01", "amount": 15.00}]}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ThresholdView get(@PathParam("code") @Parameter(description = "Purchasing body code", example = "RESAH") String code) {
        return thresholds.get(code(code));
    }

    @PUT
    @Operation(operationId = "setIssuerThreshold", summary = "Set an issuer's threshold from a date on",
            description = "Records the threshold from `validFrom` (today or later: an entry never changes what runs decided before), "
                    + "or replaces the entry of that date. At most 50 € (a GIP's board sets its own, at most 50 €). Admin only.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThresholdRequest.class),
            examples = @ExampleObject(name = "30 € from 2027", value = "{\"validFrom\": \"2027-01-01\", \"amount\": 30.00}")))
    @APIResponse(responseCode = "200", description = "The issuer's thresholds", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ThresholdView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ThresholdView set(@PathParam("code") String code, @NotNull @Valid ThresholdRequest request) {
        String issuer = code(code);
        if (request.validFrom().isBefore(ParisClock.today(clock))) {
            throw ProblemException.rule("THRESHOLD_IN_THE_PAST", "A threshold applies from today on at the earliest: an entry "
                    + "never changes what runs already decided", "validFrom");
        }
        if (sources.issuer(issuer).isEmpty()) {
            throw ProblemException.notFound("Purchasing body", issuer);
        }
        return thresholds.set(issuer, request.validFrom(), request.amount().setScale(2));
    }

    private static String code(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.invalid("code", "must be a purchasing body code (2 to 32 letters, digits, - or _)");
        }
        return code.toUpperCase();
    }
}
