package fr.centrale.billing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "What a debtor owes for a fiscal year: issued and still to issue — the figure its budget votes")
public record ForecastView(UUID debtorId, int year, BigDecimal total, BigDecimal issued, BigDecimal toIssue,
                           List<IssuerTotal> byIssuer, List<Line> lines) {

    public record IssuerTotal(String issuer, BigDecimal issued, BigDecimal toIssue, BigDecimal total) {
    }

    public record Line(String issuer, String sourceType, UUID sourceId, Integer sequence, String label, LocalDate issueOn,
                       BigDecimal amount, boolean issued, String titreNumber) {
    }
}
