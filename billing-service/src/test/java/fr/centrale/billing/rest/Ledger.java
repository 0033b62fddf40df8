package fr.centrale.billing.rest;

import fr.centrale.billing.testing.SourceServicesStub;
import fr.centrale.common.billing.BillableItem;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Test data for the ledger: purchasing bodies, debtors and billable items served by the stubbed sources. */
final class Ledger {

    private Ledger() {
    }

    /** A purchasing body code of its own, so that each test starts its own numbering series. */
    static String issuer(int paymentTermDays, String court) {
        StringBuilder code = new StringBuilder("T");
        for (int i = 0; i < 7; i++) {
            code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        SourceServicesStub.stubPurchasingBody(code.toString(), "Centrale " + code, paymentTermDays, court);
        return code.toString();
    }

    static UUID debtor(String name) {
        UUID id = UUID.randomUUID();
        SourceServicesStub.stubOrganisation(id, name, "22620001200012", "Hôtel du Département, rue Ferdinand Buisson",
                "62018", "Arras cedex", "2300004512", "DSI");
        return id;
    }

    static BillableItem item(BillableItem.SourceType type, UUID source, int sequence, String issuer, UUID debtor, String label,
                             String periodStart, String periodEnd, String issueOn, String months, String annual, String amount,
                             int paymentTermDays) {
        return new BillableItem(type, source, sequence,
                type == BillableItem.SourceType.MEMBERSHIP ? BillableItem.Kind.MEMBERSHIP_FEE : BillableItem.Kind.ANNUAL_CONTRIBUTION,
                issuer, debtor, label, LocalDate.parse(periodStart), LocalDate.parse(periodEnd), LocalDate.parse(issueOn),
                months == null ? null : new BigDecimal(months), new BigDecimal(annual), new BigDecimal(amount), paymentTermDays,
                "Grille : Département");
    }

    static ValidatableResponse run(String asOf) {
        return given().contentType(ContentType.JSON).body(Map.of("asOf", asOf)).when().post("/api/v1/billing-runs").then();
    }
}
