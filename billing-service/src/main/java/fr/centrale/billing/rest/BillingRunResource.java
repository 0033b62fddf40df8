package fr.centrale.billing.rest;

import fr.centrale.billing.BillingRun;
import fr.centrale.billing.api.BillingRunRequest;
import fr.centrale.billing.api.BillingRunView;
import fr.centrale.billing.service.BillingRunService;
import fr.centrale.common.time.ParisClock;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Params;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import java.time.Clock;
import java.time.LocalDate;

@Path("/api/v1/billing-runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Billing runs", description = "Issue every titre that has fallen due, exactly once")
public class BillingRunResource {

    @Inject
    BillingRunService runs;

    @Inject
    Clock clock;

    @Inject
    fr.centrale.billing.service.PesService pes;

    @Inject
    fr.centrale.billing.service.TableBordereauSource runBordereaux;

    @POST
    @Operation(operationId = "runBilling", summary = "Run billing as of a date",
            description = "Reads the billable items of memberships and conventions up to `asOf` (default today, Europe/Paris) "
                    + "and issues those without a titre. Repeating it issues nothing twice. `dryRun` answers what would be "
                    + "issued and writes nothing. PARTIAL when a source could not be read to the end: the next run completes it.")
    // No body (or null) is a run as of today: the body is optional, and the document says so.
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BillingRunRequest.class),
            examples = @ExampleObject(name = "Q1 run 2025", value = "{\"asOf\": \"2025-01-02\"}")))
    @APIResponse(responseCode = "201", description = "The run and what it did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BillingRunView.class),
                    examples = @ExampleObject(name = "completed", value = """
                            {"id": "5e7f0a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b", "asOf": "2025-01-02", "status": "COMPLETED",
                             "trigger": "API", "dryRun": false, "issuedCount": 42, "alreadyIssuedCount": 310, "failedCount": 0,
                             "startedAt": "2025-01-02T05:30:00Z", "finishedAt": "2025-01-02T05:30:07Z"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response run(@Valid BillingRunRequest request) {
        LocalDate asOf = request == null || request.asOf() == null ? ParisClock.today(clock) : request.asOf();
        boolean dryRun = request != null && Boolean.TRUE.equals(request.dryRun());
        BillingRunView run = runs.run(asOf, dryRun, BillingRun.Trigger.API);
        if (dryRun) {
            return Response.ok(run).build();
        }
        return Response.created(UriBuilder.fromResource(BillingRunResource.class).path(run.id().toString()).build())
                .entity(run).build();
    }

    @GET
    @Operation(operationId = "listBillingRuns", summary = "List billing runs", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "A page of runs")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public PageResponse<BillingRunView> list(
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        return runs.list(PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBillingRun", summary = "Read a billing run")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public BillingRunView get(@PathParam("id") String id) {
        return runs.get(Params.pathId("Billing run", id));
    }

    @GET
    @Path("/{id}/pes")
    @Produces({"application/xml", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getBillingRunPes", summary = "Export a run's bordereau of titres as PES V2 (PES_Aller)",
            description = "The bordereau (docs/rules.md, R-6) of the titres the run issued for `issuer` and fiscal `year`, "
                    + "the same file as `GET /api/v1/bordereaux/{id}/pes`: a DGFiP PES V2 `PES_Aller` (schemas 5.17, ISO-8859-1, "
                    + "validated against PES_Aller.xsd before it is served): Enveloppe, EnTetePES with the issuer's Hélios codes (its settings, `helios`), "
                    + "PES_RecetteAller (bordereau, titres, lines, debtors as tiers), PES_Facture (the avis des sommes à payer "
                    + "for Chorus Pro) for public debtors, and each titre's PDF in PES_PJ (`pdf=false` leaves them out). "
                    + "Unsigned: XAdES signing and transmission are the tiers de télétransmission's. The file name follows "
                    + "Content-Disposition. 422 PES_HELIOS_CODES_MISSING when the issuer has no Hélios codes, "
                    + "PES_DEBTOR_CATEGORY_UNKNOWN, PES_INCOMPLETE (e.g. a debtor without postal code).")
    @APIResponse(responseCode = "200", description = "The PES_Aller file",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response pes(@PathParam("id") String id,
                        @QueryParam("issuer") @Parameter(description = "Issuer code (purchasing body)", required = true, example = "FIBRE5962") String issuer,
                        @QueryParam("year") @Parameter(description = "Fiscal year of the titres", required = true,
                                schema = @Schema(type = SchemaType.INTEGER), example = "2025") String year,
                        @QueryParam("pdf") @Parameter(description = "Attach each titre's PDF (default true)",
                                schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true")) String pdf) {
        java.util.UUID run = Params.pathId("Billing run", id);
        runs.get(run);
        if (issuer == null || !issuer.strip().matches("[A-Za-z0-9_-]{1,32}")) {
            throw fr.centrale.common.problem.ProblemException.invalid("issuer", "is required: an issuer code such as RESAH");
        }
        Integer fiscalYear = Params.integer("year", year);
        if (fiscalYear == null || fiscalYear < 2000 || fiscalYear > 9999) {
            throw fr.centrale.common.problem.ProblemException.invalid("year", "is required: a fiscal year such as 2025");
        }
        java.util.UUID bordereau = runBordereaux.ofRun(run, issuer, fiscalYear).orElseThrow(() ->
                fr.centrale.common.problem.ProblemException.notFound("Bordereau of this run for " + issuer.strip() + " and "
                        + fiscalYear, id));
        return BordereauResource.pesFile(pes, bordereau, pdf);
    }
}
