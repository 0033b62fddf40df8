package fr.centrale.billing.rest;

import fr.centrale.billing.TitreStatus;
import fr.centrale.billing.api.CancellationRequest;
import fr.centrale.billing.api.PaymentRequest;
import fr.centrale.billing.api.TitreEventView;
import fr.centrale.billing.api.TitreView;
import fr.centrale.billing.api.TitresCsv;
import fr.centrale.billing.document.DocumentRenderer;
import fr.centrale.billing.facturx.FacturXDocuments;
import fr.centrale.billing.facturx.FacturXInvoice;
import fr.centrale.billing.facturx.FacturXWriter;
import fr.centrale.billing.service.TitreService;
import fr.centrale.common.idempotency.IdempotencyService;
import fr.centrale.common.identity.Caller;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Params;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.util.List;
import java.util.UUID;

/**
 * An adherent ({@link Caller#confinedTo()}) sees only the titres whose debtor is its organisation: the
 * listings are filtered on it, and any other titre answers 404 exactly as an unknown id does.
 */
@Path("/api/v1/titres")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Titres de recettes", description = "The ledger: issued titres, payments, cancellations, printable titres, export and feed")
public class TitreResource {

    private static final String PDF = "application/pdf";
    private static final String TITRE_EXAMPLE = """
            {"id": "3b0f6c2e-9d41-4f55-a0c7-5e1d2c3b4a59", "number": "RESAH-2025-000042", "kind": "ORIGINAL", "issuer": "RESAH",
             "issuerDetails": {"code": "RESAH", "name": "GIP Réseau des acheteurs hospitaliers (Resah)", "siret": "13000501000025",
                               "street": "47 rue de Charonne", "postalCode": "75011", "city": "Paris", "court": "Tribunal administratif de Paris"},
             "debtor": {"id": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11", "name": "Département du Pas-de-Calais", "siret": "22620001200012",
                        "street": "Hôtel du Département, rue Ferdinand Buisson", "postalCode": "62018", "city": "Arras cedex",
                        "chorusLegalCommitment": "2300004512", "chorusServiceCode": "DSI"},
             "fiscalYear": 2025, "issuedOn": "2025-01-02", "dueOn": "2025-02-01",
             "object": "Contribution RESAH 2021-008 lot 3 — année d'exécution 2",
             "lines": [{"label": "Contribution RESAH 2021-008 lot 3 — année d'exécution 2", "basis": "Grille : Département",
                        "periodStart": "2025-01-15", "periodEnd": "2025-06-30", "months": 5.53, "annualAmount": 2500.00, "amount": 1152.08,
                        "sourceType": "CONVENTION", "sourceId": "9b2f3c4d-0000-4000-8000-000000000001", "sequence": 2,
                        "vatRate": 0.00, "vatAmount": 0.00, "amountTtc": 1152.08, "taxation": "NET_OF_TAX",
                        "legalBasis": "Convention 2021-008 signée le 15/01/2024"}],
             "total": 1152.08, "paidAmount": 0.00, "cancelledAmount": 0.00, "remainingAmount": 1152.08, "status": "ISSUED",
             "overdue": false, "payments": [], "totalHt": 1152.08, "totalVat": 0.00,
             "totalsByRate": [{"rate": 0.00, "ht": 1152.08, "vat": 0.00, "ttc": 1152.08}]}""";

    @Inject
    TitreService titres;

    @Inject
    DocumentRenderer documents;

    @Inject
    FacturXWriter facturX;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listTitres", summary = "List titres", description = "By debtor, issuer, fiscal year, status and overdue; newest first. "
            + "An adherent lists only the titres of its own organisation.")
    @APIResponse(responseCode = "200", description = "A page of titres")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public PageResponse<TitreView> list(
            @QueryParam("debtorId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String debtorId,
            @QueryParam("issuer") @Parameter(description = "Only the titres of this issuer (purchasing body code), e.g. RESAH") String issuer,
            @QueryParam("year") @Parameter(description = "Only the titres of this fiscal year, e.g. 2025", schema = @Schema(type = SchemaType.INTEGER)) String year,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = TitreStatus.class)) String status,
            @QueryParam("overdue") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String overdue,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        Caller.Filter debtor = caller.filterFor(Params.uuid("debtorId", debtorId));
        PageRequest p = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        if (debtor.nothing()) {
            return new PageResponse<>(List.of(), p.page(), p.size(), 0);
        }
        return titres.list(debtor.organisationId(), issuer, Params.integer("year", year),
                Params.enumValue("status", TitreStatus.class, status), bool("overdue", overdue), p);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTitre", summary = "Read a titre", description = "`Accept: application/pdf` gives the printable titre.")
    @APIResponse(responseCode = "200", description = "The titre",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TitreView.class),
                    examples = @ExampleObject(name = "worked example 3, titre 2", value = TITRE_EXAMPLE)),
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TitreView get(@PathParam("id") String id) {
        return visible(id);
    }

    @GET
    @Path("/{id}")
    @Produces(PDF)
    @Operation(hidden = true)
    public Response printable(@PathParam("id") String id) {
        TitreView t = visible(id);
        return Response.ok(documents.pdf(titres.document(t.id())), PDF)
                .header("Content-Disposition", "inline; filename=\"" + t.number() + ".pdf\"")
                .build();
    }

    @GET
    @Path("/{id}/facturx")
    @Produces(PDF)
    @Operation(operationId = "getTitreFacturX", summary = "Read a titre as Factur-X",
            description = "The printable titre as a Factur-X document (docs/rules.md, R-8): the PDF/A-3 of `Accept: application/pdf` "
                    + "with the invoice embedded as UN/CEFACT CII XML (`factur-x.xml`, profile EN 16931), which a debtor's Chorus Pro or "
                    + "accounting software reads without retyping. A titre de recettes is an invoice (type 380); a titre d'annulation "
                    + "or de réduction a credit note (381) referencing the titre it corrects. The XML states the titre's number, both "
                    + "SIRETs, the Chorus engagement juridique (BT-13) and code service (BT-10), each line, the VAT per rate (category S) "
                    + "or the issuer's no-VAT mention (category O, outside the scope of VAT), the totals HT, VAT, TTC and the "
                    + "comptable's IBAN. 422 `FACTURX_NOT_APPLICABLE` for a mandat 673 (an expense, not an invoice: R-7); 422 "
                    + "`FACTURX_INCOMPLETE` naming the field when the titre lacks what EN 16931 requires (a SIRET, an address). "
                    + "An adherent reads only its own organisation's titres (another's is 404, as an unknown id).")
    @APIResponse(responseCode = "200", description = "The Factur-X PDF/A-3",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response facturX(@PathParam("id") String id) {
        TitreView t = visible(id);
        FacturXInvoice invoice;
        var document = titres.document(t.id());
        try {
            invoice = FacturXDocuments.of(document);
        } catch (FacturXDocuments.NotAnInvoice e) {
            throw ProblemException.rule("kind".equals(e.field()) ? "FACTURX_NOT_APPLICABLE" : "FACTURX_INCOMPLETE", e.getMessage(),
                    e.field());
        }
        return Response.ok(facturX.write(invoice, documents.pdf(document)), PDF)
                .header("Content-Disposition", "inline; filename=\"" + t.number() + "-facturx.pdf\"")
                .build();
    }

    @POST
    @Path("/{id}/payments")
    @Operation(operationId = "recordPayment", summary = "Record a payment", description = "Partial or full; a payment beyond what remains due is refused (422 OVERPAYMENT).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentRequest.class),
            examples = @ExampleObject(name = "payment", value = "{\"amount\": 600.00, \"paidOn\": \"2025-01-28\", \"reference\": \"VIR-2025-000913\"}")))
    @APIResponse(responseCode = "201", description = "The titre with the payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TitreView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response pay(@PathParam("id") String id,
                        @HeaderParam(IdempotencyService.HEADER) @Parameter(description = "Replays the first answer for the same key and body") String key,
                        @NotNull @Valid PaymentRequest request) {
        UUID titreId = Params.pathId("Titre", id);
        return idempotency.create(key, "POST /titres/" + titreId + "/payments", request, () -> titres.pay(titreId, request),
                t -> UriBuilder.fromResource(TitreResource.class).path(titreId.toString()).build());
    }

    @POST
    @Path("/{id}/cancellation")
    @Operation(operationId = "cancelTitre", summary = "Cancel or reduce a titre",
            description = "Issues a new cancellation titre (the whole unpaid amount) or reduction titre (`amount`, TTC), with its own "
                    + "number, referencing the original. The original is never edited. The TTC is split back per VAT rate in proportion "
                    + "to the original (HT + VAT = TTC exactly). A titre of an earlier fiscal year (by today's date in Europe/Paris) is "
                    + "corrected by a MANDATE_673 of the current year instead, numbered in its own series (docs/rules.md, R-7).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CancellationRequest.class),
            examples = @ExampleObject(name = "reduction", value = "{\"reason\": \"Erreur de catégorie : établissement médico-social\", \"amount\": 300.00}")))
    @APIResponse(responseCode = "201", description = "The new cancellation or reduction titre",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TitreView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response cancel(@PathParam("id") String id,
                           @HeaderParam(IdempotencyService.HEADER) @Parameter(description = "Replays the first answer for the same key and body") String key,
                           @NotNull @Valid CancellationRequest request) {
        UUID titreId = Params.pathId("Titre", id);
        return idempotency.create(key, "POST /titres/" + titreId + "/cancellation", request, () -> titres.cancel(titreId, request),
                created -> UriBuilder.fromResource(TitreResource.class).path(created.id().toString()).build());
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @Operation(operationId = "exportTitres", summary = "Export titres as CSV", description = "For Excel in French: UTF-8 with BOM, `;`, decimal comma, dates dd/MM/yyyy. "
            + "An adherent exports only the titres of its own organisation.")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response export(@QueryParam("year") @Parameter(description = "Only the titres of this fiscal year, e.g. 2025") String year,
                           @QueryParam("issuer") @Parameter(description = "Only the titres of this issuer (purchasing body code), e.g. RESAH") String issuer,
                           @QueryParam("debtorId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String debtorId) {
        Integer y = Params.integer("year", year);
        Caller.Filter debtor = caller.filterFor(Params.uuid("debtorId", debtorId));
        List<TitreView> rows = debtor.nothing() ? List.of() : titres.all(debtor.organisationId(), y, issuer);
        String name = "titres" + (issuer == null || issuer.isBlank() ? "" : "-" + issuer.trim().toUpperCase()) + (y == null ? "" : "-" + y) + ".csv";
        return Response.ok(TitresCsv.of(rows), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @GET
    @Path("/events")
    @Operation(operationId = "listTitreEvents", summary = "Feed of titres issued or changed",
            description = "Every issue, payment, cancellation and reduction after `after` (a position), in commit order, each with "
                    + "the titre as it now stands. Resume from `lastPosition`: nothing is missed or repeated.")
    @APIResponse(responseCode = "200", description = "Events", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TitreEventView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public TitreEventView events(@QueryParam("after") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String after,
                                 @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100", maximum = "500")) String limit) {
        Integer from = Params.integer("after", after);
        Integer n = Params.integer("limit", limit);
        if (from != null && from < 0) {
            throw ProblemException.invalid("after", "must be 0 or more");
        }
        if (n != null && (n < 1 || n > 500)) {
            throw ProblemException.invalid("limit", "must be between 1 and 500");
        }
        return titres.events(from == null ? 0 : from, n == null ? 100 : n);
    }

    /** The titre, if the caller may see it: another organisation's titre is 404 to an adherent, as an unknown id is. */
    private TitreView visible(String id) {
        UUID titreId = Params.pathId("Titre", id);
        TitreView t = titres.get(titreId);
        caller.requireSees(t.debtor().id(), "Titre", titreId);
        return t;
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }
}
