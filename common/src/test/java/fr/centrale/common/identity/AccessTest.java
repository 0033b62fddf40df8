package fr.centrale.common.identity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.centrale.common.identity.Access.Decision.ALLOW;
import static fr.centrale.common.identity.Access.Decision.FORBIDDEN;
import static fr.centrale.common.identity.Access.Decision.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

class AccessTest {

    private static final String OWN = "11111111-1111-1111-1111-111111111111";
    private static final String OTHER = "22222222-2222-2222-2222-222222222222";

    private static Access.Decision decide(String method, String path, Map<String, List<String>> query, String role) {
        List<String> segments = List.of(path.split("/"));
        return Access.decide(method, segments, query, Set.of(role), Access.ADHERENT.equals(role) ? OWN : null);
    }

    @Test
    void adminMayDoEverything() {
        assertThat(decide("DELETE", "contacts/x", Map.of(), "admin")).isEqualTo(ALLOW);
        assertThat(decide("POST", "conventions", Map.of(), "admin")).isEqualTo(ALLOW);
    }

    @Test
    void readerReadsEverythingAndWritesNothing() {
        assertThat(decide("GET", "titres", Map.of(), "reader")).isEqualTo(ALLOW);
        assertThat(decide("GET", "billing-runs", Map.of(), "reader")).isEqualTo(ALLOW);
        assertThat(decide("POST", "billing-runs", Map.of(), "reader")).isEqualTo(FORBIDDEN);
        assertThat(decide("PATCH", "memberships/x", Map.of(), "reader")).isEqualTo(FORBIDDEN);
    }

    @Test
    void financeRunsBillingTakesPaymentsAndCancelsButDoesNotEditMemberships() {
        assertThat(decide("POST", "billing-runs", Map.of(), "finance")).isEqualTo(ALLOW);
        assertThat(decide("POST", "titres/x/payments", Map.of(), "finance")).isEqualTo(ALLOW);
        assertThat(decide("POST", "titres/x/cancellation", Map.of(), "finance")).isEqualTo(ALLOW);
        assertThat(decide("GET", "titres/export", Map.of(), "finance")).isEqualTo(ALLOW);
        assertThat(decide("POST", "memberships", Map.of(), "finance")).isEqualTo(FORBIDDEN);
        assertThat(decide("POST", "titres/x/other", Map.of(), "finance")).isEqualTo(FORBIDDEN);
        // the comptable's receipts (PES_Retour) are payments
        assertThat(decide("POST", "pes/retours", Map.of(), "finance")).isEqualTo(ALLOW);
        assertThat(decide("POST", "pes/retours", Map.of(), "reader")).isEqualTo(FORBIDDEN);
        assertThat(decide("POST", "pes/retours", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
        assertThat(decide("POST", "pes/other", Map.of(), "finance")).isEqualTo(FORBIDDEN);
    }

    @Test
    void adherentReadsOnlyItsOwnOrganisationNamedInTheRequest() {
        assertThat(decide("GET", "titres", Map.of("debtorId", List.of(OWN)), "adherent")).isEqualTo(ALLOW);
        assertThat(decide("GET", "titres", Map.of("debtorId", List.of(OTHER)), "adherent")).isEqualTo(NOT_FOUND);
        assertThat(decide("GET", "memberships", Map.of("organisationId", List.of(OTHER)), "adherent")).isEqualTo(NOT_FOUND);
        assertThat(decide("GET", "organisations/" + OTHER, Map.of(), "adherent")).isEqualTo(NOT_FOUND);
        assertThat(decide("GET", "organisations/" + OWN, Map.of(), "adherent")).isEqualTo(ALLOW);
        assertThat(decide("POST", "memberships", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
    }

    @Test
    void adherentManagesItsBudgetLinesOnly() {
        // docs/rules.md, R-17: billing-service then confines it to its own organisation's lines.
        assertThat(decide("POST", "budget-lines", Map.of(), "adherent")).isEqualTo(ALLOW);
        assertThat(decide("POST", "budget-lines/x/attachments", Map.of(), "adherent")).isEqualTo(ALLOW);
        assertThat(decide("DELETE", "budget-lines/x/attachments", Map.of(), "adherent")).isEqualTo(ALLOW);
        assertThat(decide("DELETE", "budget-lines/x", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
        assertThat(decide("PUT", "budget-lines/x/attachments", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
        assertThat(decide("PUT", "issuers/RESAH/thresholds", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
        assertThat(decide("POST", "budget-lines", Map.of(), "reader")).isEqualTo(FORBIDDEN);
        assertThat(Access.decide("POST", List.of("budget-lines"), Map.of(), Set.of("adherent"), null)).isEqualTo(FORBIDDEN);
    }

    @Test
    void adherentDoesNotReadLedgerWideResources() {
        assertThat(decide("GET", "billing-runs", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
        assertThat(decide("GET", "billing-runs/x", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
        // a bordereau lists many debtors' titres; the ledger's verification and archives cover everyone (R-6, issue 15)
        assertThat(decide("GET", "bordereaux/x", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
        assertThat(decide("GET", "bordereaux/x/pes", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
        assertThat(decide("GET", "ledger/verification", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
        assertThat(decide("GET", "ledger/archives/RESAH/2024", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
        assertThat(decide("GET", "titres/events", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
        assertThat(decide("GET", "memberships/billable-items", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
        assertThat(decide("GET", "conventions/billable-items", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
    }

    @Test
    void theOrganisationLookupIsAReadForReadersAndFinanceButNotForAdherents() {
        assertThat(decide("POST", "organisations/lookup", Map.of(), "reader")).isEqualTo(ALLOW);
        assertThat(decide("POST", "organisations/lookup", Map.of(), "finance")).isEqualTo(ALLOW);
        assertThat(decide("POST", "organisations/lookup", Map.of(), "adherent")).isEqualTo(FORBIDDEN);
        assertThat(decide("POST", "organisations", Map.of(), "reader")).isEqualTo(FORBIDDEN);
    }

    @Test
    void adherentWithoutOrganisationIsRefused() {
        assertThat(Access.decide("GET", List.of("titres"), Map.of(), Set.of("adherent"), null)).isEqualTo(FORBIDDEN);
    }

    @Test
    void noRoleIsRefused() {
        assertThat(Access.decide("GET", List.of("titres"), Map.of(), Set.of(), null)).isEqualTo(FORBIDDEN);
    }
}
