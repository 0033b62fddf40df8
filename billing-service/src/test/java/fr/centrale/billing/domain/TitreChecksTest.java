package fr.centrale.billing.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the verification recomputes of each titre (README, "Tamper evidence"; docs/rules.md, R-1 and R-7). */
class TitreChecksTest {

    private static BigDecimal m(String v) {
        return new BigDecimal(v);
    }

    private static LedgerRecords.LineFields line(int no, String ht, String rate, String vat, String ttc, String taxation) {
        return new LedgerRecords.LineFields(no, UUID.randomUUID(), "L", null, null, null, null, null, m(ht), m(rate), m(vat), m(ttc),
                taxation, null, null, null, null, null);
    }

    private static LedgerRecords.TitreFields titre(String number, int serial, String kind, String ht, String vat, String total,
                                                   List<LedgerRecords.LineFields> lines) {
        return new LedgerRecords.TitreFields(UUID.randomUUID(), number, "CAIH", 2025, serial, kind, LocalDate.of(2025, 1, 2),
                LocalDate.of(2025, 2, 21), "CAIH", null, null, null, null, null, UUID.randomUUID(), "D", null, null, null, null, null, null,
                "O", m(ht), m(vat), m(total), null, null, null, lines);
    }

    @Test
    void workedExample7HoldsAndItsNumberIsItsSerials() {
        // Seed 001: "1 500 € HT/an", 20 %: 1 500,00 HT + 300,00 VAT = 1 800,00 TTC.
        assertThat(TitreChecks.differences(titre("CAIH-2025-000007", 7, "ORIGINAL", "1500.00", "300.00", "1800.00",
                List.of(line(1, "1500.00", "20.00", "300.00", "1800.00", "BEFORE_VAT"))))).isEmpty();
        assertThat(TitreChecks.number("CAIH", 2025, true, 1)).isEqualTo("CAIH-2025-M673-000001");
        assertThat(TitreChecks.number("RESAH", 2025, false, 1234567)).isEqualTo("RESAH-2025-1234567");
    }

    @Test
    void totalsNotTheLinesAWrongVatAndAWrongNumberAreNamed() {
        List<String> found = TitreChecks.differences(titre("CAIH-2025-000008", 7, "ORIGINAL", "1500.00", "300.00", "1800.00",
                List.of(line(1, "1400.00", "20.00", "300.00", "1700.00", "BEFORE_VAT"))));
        assertThat(found).containsExactly(
                "number CAIH-2025-000008 is not that of serial 7 (CAIH-2025-000007)",
                "line 1: VAT 300.00 ≠ 1400.00 × 20.00 % = 280.00",
                "total HT 1500.00 ≠ the sum of the lines 1400.00",
                "total (TTC) 1800.00 ≠ the sum of the lines 1700.00");
    }

    @Test
    void aCorrectionsVatIsASplitSoOnlyItsSumsAreChecked() {
        // A reduction of 180 TTC split back: 150 HT + 30 VAT (Vat.split), whatever HT × rate would give.
        assertThat(TitreChecks.differences(titre("CAIH-2025-000009", 9, "REDUCTION", "150.01", "29.99", "180.00",
                List.of(line(1, "150.01", "20.00", "29.99", "180.00", "BEFORE_VAT"))))).isEmpty();
        assertThat(TitreChecks.differences(titre("CAIH-2025-000009", 9, "REDUCTION", "150.00", "30.00", "180.00",
                List.of(line(1, "150.00", "20.00", "30.00", "181.00", "BEFORE_VAT")))))
                .contains("line 1: HT 150.00 + VAT 30.00 ≠ TTC 181.00");
    }
}
