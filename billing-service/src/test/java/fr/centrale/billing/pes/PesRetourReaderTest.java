package fr.centrale.billing.pes;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PES_Retour is validated against PES_V2/RETOUR/Rev0/PES_Retour.xsd, then its encaissements are read. */
class PesRetourReaderTest {

    @Test
    void readsEveryEncaissementWithItsBordereauTitreAndLine() throws Exception {
        byte[] xml = new PesRetours("13000501000025", "101", "01")
                .paid(2025, 7, 42, 1, LocalDate.of(2025, 2, 3), "500.00")
                .paid(2025, 7, 42, 1, LocalDate.of(2025, 2, 3), "500.00")
                .emargement(2025, 7, 43, 2, "07", LocalDate.of(2025, 2, 4), "20.00")
                .paid(2024, 3, 9, 1, LocalDate.of(2025, 1, 5), "12.5").bytes();

        PesRetourReader.Retour r = PesRetourReader.read(xml);

        assertThat(r.collectivityId()).isEqualTo("13000501000025");
        assertThat(r.collectivityCode()).isEqualTo("101");
        assertThat(r.budgetCode()).isEqualTo("01");
        assertThat(r.fileName()).startsWith("PES2R_REC_2_101_01");
        assertThat(r.receipts()).hasSize(4);
        PesRetourReader.Receipt first = r.receipts().get(0);
        assertThat(first.fiscalYear()).isEqualTo(2025);
        assertThat(first.bordereau()).isEqualTo(7);
        assertThat(first.piece()).isEqualTo(42);
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.origin()).isEqualTo("02");
        assertThat(first.amount()).isEqualByComparingTo("500.00");
        assertThat(first.rank()).isEqualTo(1);
        assertThat(r.receipts().get(1).rank()).as("the same encaissement twice in a file: two of them").isEqualTo(2);
        assertThat(r.receipts().get(2).origin()).isEqualTo("07");
        assertThat(r.receipts().get(2).line()).isEqualTo(2);
        assertThat(r.receipts().get(3).bordereau()).isEqualTo(3);
        assertThat(r.receipts().get(3).amount()).isEqualByComparingTo(new BigDecimal("12.50"));
    }

    @Test
    void refusesWhatTheSchemaRefusesNamingIt() {
        String valid = new PesRetours("13000501000025", "101", "01").paid(2025, 7, 42, 1, LocalDate.of(2025, 2, 3), "5").xml();
        assertThatThrownBy(() -> PesRetourReader.read(valid.replace("<OrgEma V=\"02\"/>", "").getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(PesSchemas.Invalid.class).hasMessageContaining("line 2").hasMessageContaining("OrgEma");
        assertThatThrownBy(() -> PesRetourReader.read("not xml".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PesSchemas.Invalid.class);
        assertThatThrownBy(() -> PesRetourReader.read(new byte[0])).isInstanceOf(PesSchemas.Invalid.class).hasMessageContaining("empty");
        // a PES_Aller is not a PES_Retour
        assertThatThrownBy(() -> PesRetourReader.read(valid.replace("Rev0/retour", "Rev0/aller").getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(PesSchemas.Invalid.class).extracting(e -> ((PesSchemas.Invalid) e).schema())
                .isEqualTo("PES_V2/RETOUR/Rev0/PES_Retour.xsd");
    }

    @Test
    void refusesAnEntityExpansion() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<n:PES_Retour xmlns:n=\"http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/retour\">&x;</n:PES_Retour>";
        assertThatThrownBy(() -> PesRetourReader.read(xxe.getBytes(StandardCharsets.UTF_8))).isInstanceOf(PesSchemas.Invalid.class)
                .message().doesNotContain("root:");
    }
}
