package fr.centrale.billing.rest;

import fr.centrale.billing.api.BordereauCsv;
import fr.centrale.billing.api.BordereauView;
import fr.centrale.billing.document.DocumentRenderer;
import fr.centrale.billing.service.BordereauService;
import fr.centrale.billing.service.PesService;
import fr.centrale.common.identity.Access;
import fr.centrale.common.identity.Caller;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Params;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The bordereaux de titres (docs/rules.md, R-6), for the issuers' finance staff (admin, finance, reader): a bordereau
 * lists the titres of many debtors, so an adherent reads none (403).
 */
@Path("/api/v1/bordereaux")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bordereaux de titres", description = "The titres of one issuer issued together (a billing run, per issuer and fiscal "
        + "year; a correction issued by hand), numbered per issuer and year without gaps, with their totals, signed by the "
        + "issuer's officer (docs/rules.md, R-6)")
public class BordereauResource {

    private static final String PDF = "application/pdf";
    private static final String CSV = "text/csv";
    private static final String EXAMPLE = """
            {"id": "5e0c2d7a-1f3b-4c9e-8a6d-2b7f0e4c9a11", "number": "CAIH-2022-B-000001", "issuer": "CAIH", "fiscalYear": 2022,
             "issuedOn": "2022-12-15", "source": "RUN", "runId": "0f6f3a52-5d8e-4f0b-9a77-1c2d3e4f5a6b",
             "officer": {"name": "Dupont", "firstNames": "Jean", "title": "Directeur général, ordonnateur"},
             "titreCount": 1, "totalHt": 1500.00, "totalVat": 300.00, "totalTtc": 1800.00,
             "totalsByRate": [{"rate": 20.00, "ht": 1500.00, "vat": 300.00, "ttc": 1800.00}],
             "titres": [{"id": "3b0f6c2e-9d41-4f55-a0c7-5e1d2c3b4a59", "number": "CAIH-2022-000001", "kind": "ORIGINAL",
                         "debtorId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11", "debtorName": "Département du Pas-de-Calais",
                         "debtorSiret": "22620001200012", "object": "SO360 — contribution annuelle",
                         "totalHt": 1500.00, "totalVat": 300.00, "total": 1800.00}]}""";

    @Inject
    BordereauService bordereaux;

    @Inject
    DocumentRenderer documents;

    @Inject
    Caller caller;

    @Inject
    PesService pes;

    @GET
    @Operation(operationId = "listBordereaux", summary = "List the bordereaux de titres",
            description = "By issuer and fiscal year, newest first, with their totals and officer (without their titres: read one "
                    + "bordereau for them). Admin, finance and reader; 403 to an adherent (a bordereau lists other debtors' titres).")
    @APIResponse(responseCode = "200", description = "A page of bordereaux")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", description = "An adherent")
    public PageResponse<BordereauView> list(
            @QueryParam("issuer") @Parameter(description = "Purchasing body code, e.g. RESAH") String issuer,
            @QueryParam("year") @Parameter(description = "Fiscal year, e.g. 2025", schema = @Schema(type = SchemaType.INTEGER)) String year,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", maximum = "500")) String size) {
        requireStaff();
        Integer y = Params.integer("year", year);
        PageRequest p = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        return bordereaux.list(issuer, y, p);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBordereau", summary = "Read a bordereau de titres",
            description = "The bordereau with its titres (number, debtor, HT, VAT, TTC) in number order. `Accept: application/pdf` "
                    + "gives the printable bordereau (PDF/A-3b) signed by the officer; `Accept: text/csv` the CSV for Excel in "
                    + "French (UTF-8 with BOM, `;`, decimal comma, dd/MM/yyyy), a row per titre and a total row. 403 to an adherent.")
    @APIResponse(responseCode = "200", description = "The bordereau",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BordereauView.class),
                    examples = @ExampleObject(name = "a CAIH run of worked example 7", value = EXAMPLE)),
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", description = "An adherent")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public BordereauView get(@PathParam("id") String id) {
        requireStaff();
        return bordereaux.get(Params.pathId("Bordereau", id));
    }

    @GET
    @Path("/{id}")
    @Produces(PDF)
    @Operation(hidden = true)
    public Response printable(@PathParam("id") String id) {
        requireStaff();
        var document = bordereaux.document(Params.pathId("Bordereau", id));
        return Response.ok(documents.pdf(document), PDF)
                .header("Content-Disposition", "inline; filename=\"" + document.number() + ".pdf\"").build();
    }

    @GET
    @Path("/{id}")
    @Produces(CSV + ";qs=0.5") // JSON stays the default answer to Accept: */*
    @Operation(hidden = true)
    public Response csv(@PathParam("id") String id) {
        requireStaff();
        BordereauView b = bordereaux.get(Params.pathId("Bordereau", id));
        return Response.ok(BordereauCsv.of(b), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + b.number() + ".csv\"").build();
    }

    @GET
    @Path("/{id}/pes")
    @Produces({"application/xml", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getBordereauPes", summary = "Export a bordereau de titres as PES V2 (PES_Aller) for Hélios",
            description = "The bordereau (docs/rules.md, R-6) and its titres written as a DGFiP PES V2 `PES_Aller` (schemas 5.17, "
                    + "ISO-8859-1, validated against PES_Aller.xsd before it is served): Enveloppe, EnTetePES with the issuer's "
                    + "Hélios codes (its settings, `helios`), PES_RecetteAller (the bordereau with its number in the issuer's "
                    + "annual series, its titres and lines, the debtors as tiers), PES_Facture (the avis des sommes à payer "
                    + "for Chorus Pro) for public debtors, and each titre's PDF in PES_PJ (`pdf=false` leaves them out). "
                    + "A run's bordereau is ordinary, a correction's a bordereau d'annulation/réduction. Unsigned: XAdES "
                    + "signing and transmission are the tiers de télétransmission's. The file name (PES conventions) is in "
                    + "Content-Disposition. 422 PES_HELIOS_CODES_MISSING when the issuer has no Hélios codes, "
                    + "PES_DEBTOR_CATEGORY_UNKNOWN, PES_INCOMPLETE (e.g. a debtor without postal code).")
    @APIResponse(responseCode = "200", description = "The PES_Aller file",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response pes(@PathParam("id") String id,
                        @QueryParam("pdf") @Parameter(description = "Attach each titre's PDF (default true)",
                                schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true")) String pdf) {
        requireStaff();
        return pesFile(pes, Params.pathId("Bordereau", id), pdf);
    }

    /** The PES_Aller of a bordereau as an attachment; {@code pdf}: "true" (default) or "false". */
    static Response pesFile(PesService pes, java.util.UUID bordereau, String pdf) {
        if (pdf != null && !pdf.equalsIgnoreCase("true") && !pdf.equalsIgnoreCase("false")) {
            throw ProblemException.invalid("pdf", "must be true or false");
        }
        PesService.AllerFile file = pes.aller(bordereau.toString(), !"false".equalsIgnoreCase(pdf));
        return Response.ok(file.content(), "application/xml; charset=ISO-8859-1")
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build();
    }

    /** A bordereau names other debtors' titres: only for admin, finance and reader (a request without identity is internal). */
    private void requireStaff() {
        var roles = caller.roles();
        if (caller.isForwarded() && !roles.contains(Access.ADMIN) && !roles.contains(Access.FINANCE) && !roles.contains(Access.READER)) {
            throw new ProblemException(403, "FORBIDDEN", "Forbidden",
                    "A bordereau lists the titres of several debtors: it is for the issuer's staff (admin, finance, reader)", null);
        }
    }
}
