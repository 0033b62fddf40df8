package fr.centrale.billing.rest;

import fr.centrale.billing.api.LedgerVerificationView;
import fr.centrale.billing.service.LedgerArchives;
import fr.centrale.billing.service.LedgerVerifier;
import fr.centrale.common.identity.Access;
import fr.centrale.common.identity.Caller;
import fr.centrale.common.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.regex.Pattern;

/**
 * Tamper evidence of the ledger (billing-service README, "Tamper evidence"): its verification (finance and admin) and the
 * signed archive of a closed fiscal year (admin). An adherent, or a reader, never sees them (403).
 */
@Path("/api/v1/ledger")
@Tag(name = "Ledger", description = "Tamper evidence: every titre, mandat 673, payment and bordereau carries a SHA-256 chained to the previous "
        + "one of its series; the verification recomputes the ledger, the archive exports a closed fiscal year signed")
public class LedgerResource {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{2,32}");

    @Inject
    LedgerVerifier verifier;

    @Inject
    LedgerArchives archives;

    @Inject
    Caller caller;

    @GET
    @Path("/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyLedger", summary = "Verify the ledger",
            description = "Admin and finance. Recomputes, in one snapshot of the ledger: each chained series (titres, mandats 673, "
                    + "payments and bordereaux per issuer and fiscal year) from its first record, every hash against its content and the previous "
                    + "hash, and the series' head; the number series of titres, mandats and bordereaux (no gap, no double); each titre's totals against "
                    + "its lines and each bordereau's against its titres; "
                    + "payments and corrections against the titres' balances; the claimed items against the titres; the event "
                    + "feed's positions (no gap) and events. Answers whether everything holds and, for each break, where (series, "
                    + "number, id, position) and what differs. With `issuer` and/or `year`, only that part of the ledger (the feed's "
                    + "positions are always checked whole). To run after a restore (docs/operations.md).")
    @APIResponse(responseCode = "200", description = "What holds, and where it does not (`holds` false: see `breaks`)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerVerificationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", description = "Neither admin nor finance")
    public LedgerVerificationView verification(
            @QueryParam("issuer") @Parameter(description = "Purchasing body code; none: every issuer", example = "RESAH") String issuer,
            @QueryParam("year") @Parameter(description = "Fiscal year; none: every year", example = "2025",
                    schema = @Schema(type = SchemaType.INTEGER)) String year) {
        require(Access.FINANCE, "The ledger's verification is for admins and finance");
        String code = issuer == null || issuer.isBlank() ? null : code("issuer", issuer);
        return verifier.verify(code, year(year, false));
    }

    @GET
    @Path("/archives/{issuer}/{year}")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportLedgerArchive", summary = "Export the signed archive of a closed fiscal year",
            description = "Admin only. A zip of an issuer's closed fiscal year, for conservation: titres.jsonl, titre-lines.jsonl, "
                    + "payments.jsonl, events.jsonl, bordereaux.jsonl, bordereau-rates.jsonl (one JSON object per line), "
                    + "chains.json (the heads of the year's chained series: titres, mandats 673, payments, bordereaux), verification.json (the verification of that issuer and year when exported), manifest.json, and "
                    + "SHA256SUMS (the SHA-256 of every part, sha256sum format) signed in SHA256SUMS.sig (HMAC-SHA256, hex, with "
                    + "the archive key). A fiscal year is closed once the calendar year has ended (Europe/Paris); an open year "
                    + "is refused (409 FISCAL_YEAR_OPEN). How to check it with openssl: billing-service README.")
    @APIResponse(responseCode = "200", description = "The archive", content = @Content(mediaType = "application/zip",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", description = "No archive key is configured (ARCHIVE_KEY_NOT_CONFIGURED)")
    public Response archive(
            @PathParam("issuer") @Parameter(description = "Purchasing body code", example = "RESAH") String issuer,
            @PathParam("year") @Parameter(description = "A closed fiscal year", example = "2024",
                    schema = @Schema(type = SchemaType.INTEGER)) String year) {
        require(null, "The ledger's archives are for admins");
        String code = code("issuer", issuer);
        int y = year(year, true);
        LedgerArchives.Archive archive = archives.prepare(code, y);
        return Response.ok(archive.writer(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + archive.fileName() + "\"").build();
    }

    /** Admin, or {@code alsoAllowed}; a request without forwarded identity is an internal one (Caller). */
    private void require(String alsoAllowed, String message) {
        if (!caller.isForwarded() || caller.roles().contains(Access.ADMIN)
                || (alsoAllowed != null && caller.roles().contains(alsoAllowed))) {
            return;
        }
        throw new ProblemException(403, "FORBIDDEN", "Forbidden", message, null);
    }

    private static String code(String field, String value) {
        if (value == null || !CODE.matcher(value.trim()).matches()) {
            throw ProblemException.invalid(field, "must be a purchasing body code (2 to 32 letters, digits, - or _)");
        }
        return value.trim().toUpperCase();
    }

    private static Integer year(String value, boolean required) {
        Integer y = Params.integer("year", value);
        if (y == null) {
            if (required) {
                throw ProblemException.invalid("year", "is required");
            }
            return null;
        }
        if (y < 1900 || y > 9999) {
            throw ProblemException.invalid("year", "must be a fiscal year between 1900 and 9999");
        }
        return y;
    }
}
