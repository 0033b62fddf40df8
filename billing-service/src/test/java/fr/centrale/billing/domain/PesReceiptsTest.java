package fr.centrale.billing.domain;

import fr.centrale.billing.pes.PesRetourReader.Receipt;
import fr.centrale.common.organisation.Category;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PesReceiptsTest {

    private static final LocalDate ISSUED = LocalDate.of(2025, 1, 2);
    private static final PesReceipts.TitreFacts TITRE = new PesReceipts.TitreFacts(UUID.randomUUID(), "RESAH-2025-000042", true,
            false, new BigDecimal("1152.08"), ISSUED, 7L, 1);

    private static Receipt receipt(String origin, long bordereau, int line, LocalDate on, String amount) {
        return new Receipt(2025, bordereau, "01", 42, line, origin, on, new BigDecimal(amount), 1);
    }

    @Test
    void aPaymentWithinWhatRemainsIsRecorded() {
        assertThat(PesReceipts.check(receipt("02", 7, 1, ISSUED.plusDays(30), "1152.08"), TITRE, BigDecimal.ZERO)).isEmpty();
        assertThat(PesReceipts.check(receipt("10", 7, 1, ISSUED, "100.00"), TITRE, BigDecimal.ZERO)).isEmpty();
    }

    @Test
    void eachMismatchIsNamed() {
        LocalDate later = ISSUED.plusDays(10);
        assertThat(PesReceipts.check(receipt("07", 7, 1, later, "10"), TITRE, BigDecimal.ZERO)).get()
                .extracting(PesReceipts.Refusal::code).isEqualTo("NOT_A_PAYMENT");
        assertThat(PesReceipts.check(receipt("02", 7, 1, later, "10"), null, BigDecimal.ZERO)).get()
                .extracting(PesReceipts.Refusal::code).isEqualTo("UNKNOWN_TITRE");
        assertThat(PesReceipts.check(receipt("02", 8, 1, later, "10"), TITRE, BigDecimal.ZERO)).get()
                .extracting(PesReceipts.Refusal::code).isEqualTo("BORDEREAU_MISMATCH");
        assertThat(PesReceipts.check(receipt("02", 7, 2, later, "10"), TITRE, BigDecimal.ZERO)).get()
                .extracting(PesReceipts.Refusal::code).isEqualTo("UNKNOWN_LINE");
        assertThat(PesReceipts.check(receipt("02", 7, 1, ISSUED.minusDays(1), "10"), TITRE, BigDecimal.ZERO)).get()
                .extracting(PesReceipts.Refusal::code).isEqualTo("PAYMENT_BEFORE_ISSUE");
        assertThat(PesReceipts.check(receipt("02", 7, 1, later, "1152.09"), TITRE, BigDecimal.ZERO)).get()
                .extracting(PesReceipts.Refusal::code).isEqualTo("OVERPAYMENT");
        // what earlier lines of the same file recorded counts
        assertThat(PesReceipts.check(receipt("02", 7, 1, later, "600.00"), TITRE, new BigDecimal("600.00"))).get()
                .extracting(PesReceipts.Refusal::code).isEqualTo("OVERPAYMENT");
        var cancelled = new PesReceipts.TitreFacts(TITRE.id(), TITRE.number(), true, true, BigDecimal.ZERO, ISSUED, 7L, 1);
        assertThat(PesReceipts.check(receipt("02", 7, 1, later, "1"), cancelled, BigDecimal.ZERO)).get()
                .extracting(PesReceipts.Refusal::code).isEqualTo("TITRE_CANCELLED");
        var correction = new PesReceipts.TitreFacts(TITRE.id(), TITRE.number(), false, false, BigDecimal.TEN, ISSUED, 7L, 1);
        assertThat(PesReceipts.check(receipt("02", 7, 1, later, "1"), correction, BigDecimal.ZERO)).get()
                .extracting(PesReceipts.Refusal::code).isEqualTo("NOT_PAYABLE");
        var unlisted = new PesReceipts.TitreFacts(TITRE.id(), TITRE.number(), true, false, BigDecimal.TEN, ISSUED, null, 1);
        assertThat(PesReceipts.check(receipt("02", 7, 1, later, "1"), unlisted, BigDecimal.ZERO)).get()
                .extracting(PesReceipts.Refusal::code).isEqualTo("BORDEREAU_MISMATCH");
    }

    @Test
    void theKeyNamesTheLineOfTheFileAndNothingElse() {
        Receipt a = receipt("02", 7, 1, ISSUED, "500.0");
        Receipt b = receipt("03", 7, 1, ISSUED, "500.00");
        assertThat(PesReceipts.key("RESAH", a)).isEqualTo("RESAH/2025/B7/T42/L1/2025-01-02/500.00/1").isEqualTo(PesReceipts.key("RESAH", b));
        assertThat(PesReceipts.key("CAIH", a)).isNotEqualTo(PesReceipts.key("RESAH", a));
        assertThat(PesReceipts.key("RESAH", new Receipt(2025, 7, "01", 42, 1, "02", ISSUED, new BigDecimal("500"), 2)))
                .isNotEqualTo(PesReceipts.key("RESAH", a));
        assertThat(PesReceipts.reference("RESAH", a)).isEqualTo("PES RESAH 2025 B7 T42 L1");
    }

    @Test
    void tiersCategories() {
        assertThat(PesTiersCategory.of(Category.DEPARTEMENT)).isEqualTo(new PesTiersCategory("22", "09", true));
        assertThat(PesTiersCategory.of(Category.COMMUNAUTE_COMMUNES).catTiers()).isEqualTo("24");
        assertThat(PesTiersCategory.of(Category.ESPIC).publicSector()).isFalse();
        assertThat(PesTiersCategory.of(Category.OTHER)).isEqualTo(new PesTiersCategory("60", "03", false));
        assertThat(PesTiersCategory.of("eps")).contains(new PesTiersCategory("27", "09", true));
        assertThat(PesTiersCategory.of("PLANET")).isEmpty();
        assertThat(PesTiersCategory.of((String) null)).isEmpty();
        for (Category c : Category.values()) {
            assertThat(PesTiersCategory.of(c).catTiers()).matches("[0-9]{2}");
        }
    }
}
