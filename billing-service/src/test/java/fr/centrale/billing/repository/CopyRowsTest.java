package fr.centrale.billing.repository;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text a billing run's COPY sends to PostgreSQL (its text format; the round trip is checked by the ledger tests). */
class CopyRowsTest {

    private enum Kind { ORIGINAL }

    @Test
    void valuesAreSeparatedByTabsRowsByNewlinesAndNullIsBackslashN() {
        UUID id = UUID.fromString("3b0f6c2e-0000-4000-8000-000000000042");
        CopyRows rows = new CopyRows(6, 2);
        rows.add(id).add("RESAH-2025-000042").add(null).add(new BigDecimal("1800.00")).add(LocalDate.of(2025, 1, 2)).add(Kind.ORIGINAL);
        rows.endRow();
        rows.add(null).add("").add(7).add(new BigDecimal("1E+3")).add(null).add(Kind.ORIGINAL);
        rows.endRow();

        assertThat(rows.rows()).isEqualTo(2);
        assertThat(rows.text()).isEqualTo(
                "3b0f6c2e-0000-4000-8000-000000000042\tRESAH-2025-000042\t\\N\t1800.00\t2025-01-02\tORIGINAL\n"
                        + "\\N\t\t7\t1000\t\\N\tORIGINAL\n");
    }

    @Test
    void backslashesTabsNewlinesAndCarriageReturnsInAValueAreEscaped() {
        CopyRows rows = new CopyRows(2, 1);
        rows.add("SO360\nligne 2\r\n\tGrille \\ CAIH \\N").add("Cotisation 2024 | n° 1 — « é »");
        rows.endRow();

        assertThat(rows.text()).isEqualTo("SO360\\nligne 2\\r\\n\\tGrille \\\\ CAIH \\\\N\tCotisation 2024 | n° 1 — « é »\n");
    }

    @Test
    void aRowHasExactlyItsColumns() {
        CopyRows rows = new CopyRows(2, 1);
        rows.add("a");
        assertThatThrownBy(rows::endRow).isInstanceOf(IllegalStateException.class).hasMessageContaining("ended after 1");
        rows.add("b");
        assertThatThrownBy(() -> rows.add("c")).isInstanceOf(IllegalStateException.class).hasMessageContaining("no room");
        rows.endRow();
        assertThat(rows.text()).isEqualTo("a\tb\n");
    }
}
