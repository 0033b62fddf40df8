package fr.centrale.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample data must pass membership-service's checks, or the one-command run stops on a 400. */
class SampleDataTest {

    @Test
    void everySampleSiretPassesLuhnOnTheSiretAndTheSiren() {
        for (SampleData.Organisation o : SampleData.ORGANISATIONS) {
            String siret = Api.parse(o.json()).path("siret").asText().replace(" ", "");
            assertTrue(siret.matches("\\d{14}"), o.key() + ": " + siret + " is not 14 digits");
            assertTrue(luhn(siret.substring(0, 9)), o.key() + ": SIREN " + siret.substring(0, 9) + " fails Luhn");
            assertTrue(luhn(siret), o.key() + ": SIRET " + siret + " fails Luhn");
        }
    }

    @Test
    void theFirstSiretGivenForTheDepartementCouldNotBeUsed() {
        // Why the sample uses 226 200 012 00012: no NIC can save a SIREN that fails the check.
        assertFalse(luhn("226200016"));
        assertTrue(luhn("226200012"));
    }

    @Test
    void siretsAreDistinctAndMembershipsReferToKnownOrganisations() {
        Set<String> sirets = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (SampleData.Organisation o : SampleData.ORGANISATIONS) {
            JsonNode json = Api.parse(o.json());
            assertTrue(sirets.add(json.path("siret").asText().replace(" ", "")), "duplicate SIRET for " + o.key());
            assertTrue(keys.add(o.key()), "duplicate key " + o.key());
        }
        Set<String> memberships = new HashSet<>();
        for (SampleData.Membership m : SampleData.MEMBERSHIPS) {
            assertTrue(keys.contains(m.organisation()), "unknown organisation " + m.organisation());
            memberships.add(m.key());
        }
        assertEquals(SampleData.MEMBERSHIPS.size(), memberships.size(), "one membership per organisation and body");
        for (SampleData.NonRenewal n : SampleData.NON_RENEWALS) {
            assertTrue(memberships.contains(n.membership()), "unknown membership " + n.membership());
        }
        for (SampleData.Bulletin b : SampleData.BULLETINS) {
            SampleData.Membership m = SampleData.MEMBERSHIPS.stream().filter(x -> x.key().equals(b.membership())).findFirst()
                    .orElseThrow(() -> new AssertionError("unknown membership " + b.membership()));
            assertTrue(LocalDate.parse(b.receivedOn()).isAfter(LocalDate.parse(m.bulletinReceivedOn())),
                    b.membership() + ": a renewed bulletin comes after the first one");
        }
    }

    @Test
    void theYearlyRunsStartInTheYearOfTheEarliestSampleMembershipOrConvention() {
        // Otherwise the titres of that year would be issued later, dated and budgeted in the wrong fiscal year.
        int earliest = Math.min(
                SampleData.MEMBERSHIPS.stream().mapToInt(m -> LocalDate.parse(m.bulletinReceivedOn()).getYear()).min().orElseThrow(),
                SampleData.CONVENTIONS.stream().mapToInt(c -> LocalDate.parse(c.startsOn()).getYear()).min().orElseThrow());
        assertEquals(earliest, SampleData.FIRST_SAMPLE_YEAR);
    }

    @Test
    void conventionsReferToKnownOrganisationsAndHaveConsistentDates() {
        Set<String> organisations = new HashSet<>();
        SampleData.ORGANISATIONS.forEach(o -> organisations.add(o.key()));
        Set<String> conventions = new HashSet<>();
        for (SampleData.Convention c : SampleData.CONVENTIONS) {
            assertTrue(organisations.contains(c.signatory()), "unknown organisation " + c.signatory());
            assertTrue(conventions.add(c.key()), "duplicate convention " + c.key());
            LocalDate start = LocalDate.parse(c.startsOn());
            assertFalse(LocalDate.parse(c.endsOn()).isBefore(start), c.key() + ": ends before it starts");
            LocalDate.parse(c.signedOn());
        }
        for (SampleData.Order o : SampleData.ORDERS) {
            assertTrue(conventions.contains(o.convention()), "unknown convention " + o.convention());
            assertTrue(organisations.contains(o.organisation()), "unknown organisation " + o.organisation());
        }
        for (SampleData.Eligible e : SampleData.ELIGIBLE) {
            assertTrue(organisations.contains(e.organisation()), "unknown organisation " + e.organisation());
            assertTrue(SampleData.siretOf(e.organisation()).matches("\\d{14}"), e.organisation());
        }
        for (SampleData.Amendment a : SampleData.AMENDMENTS) {
            assertTrue(conventions.contains(a.convention()), "unknown convention " + a.convention());
            // docs/rules.md, R-9: a new subsequent market states its own maximum (convention-service answers 400 without).
            assertTrue(!a.type().equals("NEW_SUBSEQUENT_MARKET") || a.maximumAmount() != null, a.convention());
        }
    }

    /**
     * convention-service refuses to sign a RESAH convention for a signatory without a RESAH membership that day, unless it
     * is listed as a former beneficiary under 2020-027 (docs/rules.md, R-12).
     */
    @Test
    void resahSignatoriesHoldAResahMembershipOnTheSignatureDate() {
        for (SampleData.Convention c : SampleData.CONVENTIONS) {
            if (!c.purchasingBody().equals("RESAH")) {
                continue;
            }
            LocalDate signedOn = LocalDate.parse(c.signedOn());
            boolean member = SampleData.MEMBERSHIPS.stream().anyMatch(m -> m.organisation().equals(c.signatory())
                    && m.purchasingBody().equals("RESAH") && !LocalDate.parse(m.bulletinReceivedOn()).isAfter(signedOn));
            boolean listed = c.offer().startsWith("RESAH-2020-027") && SampleData.ELIGIBLE.stream()
                    .anyMatch(e -> e.offer().equals(c.offer()) && e.organisation().equals(c.signatory()));
            assertTrue(member || listed, c.key() + ": no RESAH membership of " + c.signatory() + " on " + signedOn);
        }
    }

    /** Conventions refer to the organisations the membership section creates: without them, nothing to load. */
    @Test
    void conventionsAreSkippedWhenTheMembershipSectionDidNotLoad() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        // membership-service not running: no call is made (the client would fail, nothing listens).
        SampleData.load(EnumSet.of(Service.CONVENTION), HttpClient.newHttpClient(),
                new PrintStream(text, true, StandardCharsets.UTF_8));
        assertEquals("Sample data: convention-service: nothing loaded, the sample data of [membership-service] "
                + "was not loaded in this run", text.toString(StandardCharsets.UTF_8).strip());
    }

    /** Luhn checksum: from the right, every second digit doubled (minus 9 above 9); the sum ends in 0. */
    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
