package fr.centrale.billing.rest;

import fr.centrale.billing.BudgetLine;
import fr.centrale.billing.api.AttachmentRequest;
import fr.centrale.billing.api.BudgetLineRequest;
import fr.centrale.billing.api.BudgetLineView;
import fr.centrale.billing.service.BudgetLineService;
import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.identity.Caller;
import fr.centrale.common.problem.FieldError;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Params;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A debtor's budget lines (docs/rules.md, R-17). An adherent sees and manages only its own organisation's lines:
 * another's answers 404 exactly as an unknown one.
 */
@Path("/api/v1/budget-lines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Budget lines", description = "A debtor's budget lines and what they are billed, TTC (docs/rules.md, R-17)")
public class BudgetLineResource {

    @Inject
    BudgetLineService lines;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createBudgetLine", summary = "Record a budget line",
            description = "Operation code, imputation, fiscal year and credits voted (TTC) of a debtor. An adherent records its own "
                    + "organisation's (`debtorId` absent or its own).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetLineRequest.class),
            examples = @ExampleObject(name = "worked example 7", value = """
                    {"debtorId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11", "operationCode": "C06-020M02", "imputation": "6281/930202",
                     "fiscalYear": 2022, "credits": 3000.00}""")))
    @APIResponse(responseCode = "201", description = "The line", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BudgetLineView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@NotNull @Valid BudgetLineRequest request) {
        UUID debtor = request.debtorId();
        var own = caller.confinedTo();
        if (own.isPresent()) {
            if (debtor != null && !debtor.equals(own.get())) {
                throw ProblemException.notFound("Organisation", debtor);
            }
            debtor = own.get();
        } else if (debtor == null) {
            throw ProblemException.invalid(List.of(new FieldError("debtorId", "is required")));
        }
        BudgetLineView created = lines.create(debtor, request);
        return Response.created(UriBuilder.fromResource(BudgetLineResource.class).path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listBudgetLines", summary = "List budget lines",
            description = "By debtor and fiscal year, with their attachments (the figures are on each line's own read). An adherent "
                    + "lists only its own organisation's.")
    @APIResponse(responseCode = "200", description = "A page of budget lines")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PageResponse<BudgetLineView> list(
            @QueryParam("debtorId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String debtorId,
            @QueryParam("year") @Parameter(description = "Fiscal year, e.g. 2022", schema = @Schema(type = SchemaType.INTEGER)) String year,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        Caller.Filter debtor = caller.filterFor(Params.uuid("debtorId", debtorId));
        PageRequest p = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        Integer y = Params.integer("year", year);
        if (debtor.nothing()) {
            return new PageResponse<>(List.of(), p.page(), p.size(), 0);
        }
        return lines.list(debtor.organisationId(), y, p);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBudgetLine", summary = "Read a budget line with its figures",
            description = "Credits, issued (TTC of the year's titres of the attached sources, net of corrections), still to issue (TTC "
                    + "of their items falling due in the year), proposed = issued + to issue, balance = credits − proposed. 503 when a "
                    + "source service cannot be reached.")
    @APIResponse(responseCode = "200", description = "The line", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BudgetLineView.class), examples = @ExampleObject(name = "worked example 7", value = """
            {"id": "6f1c2b3a-0000-4000-8000-000000000007", "debtorId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11",
             "operationCode": "C06-020M02", "imputation": "6281/930202", "fiscalYear": 2022, "credits": 3000.00,
             "attachments": [{"sourceType": "CONVENTION", "sourceId": "9b2f3c4d-0000-4000-8000-000000000001"},
                             {"sourceType": "CONVENTION", "sourceId": "9b2f3c4d-0000-4000-8000-000000000002"}],
             "issued": 2800.00, "toIssue": 0.00, "proposed": 2800.00, "balance": 200.00}""")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public BudgetLineView get(@PathParam("id") String id) {
        return lines.get(visible(id).id);
    }

    @POST
    @Path("/{id}/attachments")
    @Operation(operationId = "attachToBudgetLine", summary = "Budget a membership or convention on the line",
            description = "A source is budgeted on one line per fiscal year (409 ATTACHED_ELSEWHERE otherwise).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentRequest.class),
            examples = @ExampleObject(name = "a convention", value = "{\"sourceType\": \"CONVENTION\", \"sourceId\": \"9b2f3c4d-0000-4000-8000-000000000001\"}")))
    @APIResponse(responseCode = "201", description = "The line with its attachments", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BudgetLineView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response attach(@PathParam("id") String id, @NotNull @Valid AttachmentRequest request) {
        BudgetLine b = visible(id);
        BudgetLineView line = lines.attach(b.id, request);
        return Response.created(UriBuilder.fromResource(BudgetLineResource.class).path(b.id.toString()).build()).entity(line).build();
    }

    @DELETE
    @Path("/{id}/attachments")
    @Operation(operationId = "detachFromBudgetLine", summary = "Take a membership or convention off the line")
    @APIResponse(responseCode = "204", description = "Detached")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response detach(@PathParam("id") String id,
                           @QueryParam("sourceType") @Parameter(required = true, schema = @Schema(implementation = BillableItem.SourceType.class)) String sourceType,
                           @QueryParam("sourceId") @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid")) String sourceId) {
        List<FieldError> errors = new ArrayList<>();
        BillableItem.SourceType type = null;
        UUID source = null;
        try {
            type = Params.enumValue("sourceType", BillableItem.SourceType.class, sourceType);
        } catch (ProblemException e) {
            errors.add(new FieldError("sourceType", "must be MEMBERSHIP or CONVENTION"));
        }
        try {
            source = Params.uuid("sourceId", sourceId);
        } catch (ProblemException e) {
            errors.add(new FieldError("sourceId", "must be a UUID"));
        }
        if (type == null && errors.stream().noneMatch(e -> e.field().equals("sourceType"))) {
            errors.add(new FieldError("sourceType", "is required"));
        }
        if (source == null && errors.stream().noneMatch(e -> e.field().equals("sourceId"))) {
            errors.add(new FieldError("sourceId", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        BudgetLine b = visible(id);
        lines.detach(b.id, type, source);
        return Response.noContent().build();
    }

    /** The line, if the caller may see it: another organisation's line is 404 to an adherent, as an unknown id is. */
    private BudgetLine visible(String id) {
        UUID lineId = Params.pathId("Budget line", id);
        BudgetLine b = QuarkusTransaction.requiringNew().call(() -> lines.require(lineId));
        caller.requireSees(b.debtorId, "Budget line", lineId);
        return b;
    }
}
