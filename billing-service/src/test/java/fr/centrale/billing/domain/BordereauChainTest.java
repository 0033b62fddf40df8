package fr.centrale.billing.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bordereau de titres in the ledger's chains (docs/rules.md, R-6; README, "Tamper evidence"): its canonical record
 * (stable; every field it states changes its hash), its number series and its totals against its titres' lines. The
 * expected hash was computed apart from this code (Python's hashlib over the same bytes).
 */
class BordereauChainTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID REVISION = UUID.fromString("6a1e0000-0000-4000-8000-000000000001");

    private static LedgerRecords.RateFields rate(String rate, String ht, String vat, String ttc) {
        return new LedgerRecords.RateFields(new BigDecimal(rate), new BigDecimal(ht), new BigDecimal(vat), new BigDecimal(ttc));
    }

    /** RESAH-2025-B-000001: a run's two titres, 600.00 without VAT and 1 500.00 HT at 20 %. */
    private static LedgerRecords.BordereauFields bordereau() {
        return new LedgerRecords.BordereauFields(1, ID, "RESAH-2025-B-000001", "RESAH", 2025, 1, LocalDate.of(2025, 1, 2), "RUN", RUN,
                null, REVISION, 2, new BigDecimal("2100"), new BigDecimal("300.00"), new BigDecimal("2400.00"),
                // given out of rate order: the record lists the rates lowest first
                List.of(rate("20", "1500", "300", "1800"), rate("0", "600", "0", "600")),
                List.of("RESAH-2025-000001", "RESAH-2025-000002"));
    }

    @Test
    void itsRecordIsItsFieldsItsRatesInOrderAndItsTitres() {
        String record = LedgerRecords.bordereau(bordereau());
        assertThat(record.split("\n")).containsExactly(
                "bordereau|1|" + ID + "|RESAH-2025-B-000001|RESAH|2025|1|2025-01-02|RUN|" + RUN + "|\\0|" + REVISION
                        + "|2|2100.00|300.00|2400.00",
                "rate|0.00|600.00|0.00|600.00",
                "rate|20.00|1500.00|300.00|1800.00",
                "titres|RESAH-2025-000001|RESAH-2025-000002");
        assertThat(LedgerChain.link(LedgerChain.GENESIS, record)).isEqualTo("a086b92418f7d2816de074e8f91a5df917be5942ef948bca64346591068f6787");
        // Stable: the same bordereau, the same bytes.
        assertThat(LedgerRecords.bordereau(bordereau())).isEqualTo(record);
        // No titre: the last line is "titres" alone; a bordereau without rate has no rate line.
        LedgerRecords.BordereauFields empty = with(b -> new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(),
                b.fiscalYear(), b.serial(), b.issuedOn(), b.source(), b.runId(), b.correctionTitreId(), b.settingsRevisionId(), 0,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), List.of()));
        assertThat(LedgerRecords.bordereau(empty)).endsWith("|0|0.00|0.00|0.00\ntitres");
    }

    private static LedgerRecords.BordereauFields with(UnaryOperator<LedgerRecords.BordereauFields> change) {
        return change.apply(bordereau());
    }

    @Test
    void eachFieldItStatesChangesItsHash() {
        LedgerRecords.BordereauFields b = bordereau();
        List<LedgerRecords.BordereauFields> changed = List.of(
                new LedgerRecords.BordereauFields(2, b.id(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(), b.source(),
                        b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(), b.totalTtc(),
                        b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, UUID.randomUUID(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(),
                        b.source(), b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(),
                        b.totalTtc(), b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), "RESAH-2025-B-000002", b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(),
                        b.source(), b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(),
                        b.totalTtc(), b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), "CAIH", b.fiscalYear(), b.serial(), b.issuedOn(), b.source(),
                        b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(), b.totalTtc(),
                        b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), 2024, b.serial(), b.issuedOn(), b.source(),
                        b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(), b.totalTtc(),
                        b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(), 2, b.issuedOn(), b.source(),
                        b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(), b.totalTtc(),
                        b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn().plusDays(1),
                        b.source(), b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(),
                        b.totalTtc(), b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(),
                        "CORRECTION", b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(),
                        b.totalTtc(), b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(), b.source(),
                        null, b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(), b.totalTtc(),
                        b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(), b.source(),
                        b.runId(), UUID.randomUUID(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(), b.totalTtc(),
                        b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(), b.source(),
                        b.runId(), b.correctionTitreId(), UUID.randomUUID(), b.titreCount(), b.totalHt(), b.totalVat(), b.totalTtc(),
                        b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(), b.source(),
                        b.runId(), b.correctionTitreId(), b.settingsRevisionId(), 3, b.totalHt(), b.totalVat(), b.totalTtc(),
                        b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(), b.source(),
                        b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), new BigDecimal("2100.01"), b.totalVat(),
                        b.totalTtc(), b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(), b.source(),
                        b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), new BigDecimal("299.99"),
                        b.totalTtc(), b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(), b.source(),
                        b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(),
                        new BigDecimal("2400.10"), b.rates(), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(), b.source(),
                        b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(), b.totalTtc(),
                        List.of(rate("0", "600", "0", "600"), rate("5.5", "1500", "300", "1800")), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(), b.source(),
                        b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(), b.totalTtc(),
                        List.of(rate("0", "600", "0", "600"), rate("20", "1500", "300", "1800.01")), b.titres()),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(), b.source(),
                        b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(), b.totalTtc(),
                        b.rates(), List.of("RESAH-2025-000002", "RESAH-2025-000001")),
                new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(), b.serial(), b.issuedOn(), b.source(),
                        b.runId(), b.correctionTitreId(), b.settingsRevisionId(), b.titreCount(), b.totalHt(), b.totalVat(), b.totalTtc(),
                        b.rates(), List.of("RESAH-2025-000001", "RESAH-2025-000003")));
        Set<String> hashes = new HashSet<>();
        hashes.add(LedgerChain.link(LedgerChain.GENESIS, LedgerRecords.bordereau(b)));
        for (LedgerRecords.BordereauFields c : changed) {
            assertThat(hashes.add(LedgerChain.link(LedgerChain.GENESIS, LedgerRecords.bordereau(c)))).as("%s", c).isTrue();
        }
        assertThat(hashes).hasSize(changed.size() + 1);
    }

    // ---- its number series ----

    private static final ChainKey SERIES = new ChainKey("RESAH", 2025, ChainKey.Kind.BORDEREAU);

    private static Bordereaux.Numbered numbered(int serial) {
        return new Bordereaux.Numbered(serial, UUID.randomUUID(), Bordereaux.number("RESAH", 2025, serial));
    }

    @Test
    void aWholeNumberSeriesHoldsInWhateverOrderItIsRead() {
        assertThat(Bordereaux.seriesBreaks(SERIES, List.of(numbered(2), numbered(3), numbered(1)), 3L)).isEmpty();
        assertThat(Bordereaux.seriesBreaks(SERIES, List.of(), null)).isEmpty();
    }

    @Test
    void aGapADoubleAWrongNumberAndNumbersGivenButUnusedAreNamed() {
        Bordereaux.Numbered four = numbered(4);
        Bordereaux.Numbered twice = numbered(1);
        Bordereaux.Numbered wrong = new Bordereaux.Numbered(5, UUID.randomUUID(), "RESAH-2025-B-000055");
        List<ChainWalk.Break> breaks = Bordereaux.seriesBreaks(SERIES, new ArrayList<>(List.of(four, numbered(1), twice, wrong)), 7L);
        assertThat(breaks).extracting(ChainWalk.Break::what).containsExactly(
                "number 1 is taken twice",
                "numbers 2 to 3 are missing",
                "number RESAH-2025-B-000055 is not that of serial 5 (RESAH-2025-B-000005)",
                "numbers 6 to 7 were given but no bordereau has them");
        assertThat(breaks).extracting(ChainWalk.Break::check).containsOnly(ChainWalk.Check.NUMBER_SERIES);
        assertThat(breaks.get(1).number()).isEqualTo(four.number());
        assertThat(breaks.get(1).position()).isEqualTo(4L);
        assertThat(Bordereaux.seriesBreaks(SERIES, List.of(numbered(1), numbered(3)), 3L)).extracting(ChainWalk.Break::what)
                .containsExactly("number 2 is missing");
        assertThat(Bordereaux.seriesBreaks(SERIES, List.of(numbered(1), numbered(2)), 1L)).extracting(ChainWalk.Break::what)
                .containsExactly("the number series stops at 1 but bordereaux go up to 2");
    }

    // ---- its totals against its titres' lines ----

    private static LedgerRecords.LineFields line(int no, String ht, String rate, String vat, String ttc) {
        return new LedgerRecords.LineFields(no, UUID.randomUUID(), "l", null, null, null, null, null, new BigDecimal(ht),
                new BigDecimal(rate), new BigDecimal(vat), new BigDecimal(ttc), "BEFORE_VAT", null, null, null, null, null);
    }

    private static LedgerRecords.TitreFields titre(LedgerRecords.LineFields... lines) {
        return new LedgerRecords.TitreFields(UUID.randomUUID(), "RESAH-2025-000001", "RESAH", 2025, 1, "ORIGINAL", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(lines));
    }

    private static Bordereaux.Totals titresOfTheBordereau() {
        Bordereaux.Sums sums = new Bordereaux.Sums();
        sums.add(titre(line(1, "600.00", "0.00", "0.00", "600.00")));
        sums.add(titre(line(1, "1000.00", "20.00", "200.00", "1200.00"), line(2, "500.00", "20", "100.00", "600.00")));
        return sums.totals();
    }

    @Test
    void theSumsOfItsTitresLinesAreThoseOfBordereauxOf() {
        Bordereaux.Totals t = titresOfTheBordereau();
        assertThat(t.count()).isEqualTo(2);
        assertThat(t.total()).isEqualTo(new Vat.RateTotal(null, new BigDecimal("2100.00"), new BigDecimal("300.00"), new BigDecimal("2400.00")));
        assertThat(t.byRate()).extracting(Vat.RateTotal::rate).containsExactly(new BigDecimal("0.00"), new BigDecimal("20.00"));
        assertThat(Bordereaux.differences(bordereau(), t)).isEmpty();
        assertThat(Bordereaux.differences(bordereau(), new Bordereaux.Sums().totals())).contains("titre count 2 ≠ the 0 titre(s) that name it",
                "total TTC 2400.00 ≠ the sum of its titres' lines 0.00");
    }

    @Test
    void statedTotalsOtherThanItsTitresAreNamed() {
        LedgerRecords.BordereauFields b = bordereau();
        LedgerRecords.BordereauFields changed = new LedgerRecords.BordereauFields(1, b.id(), b.number(), b.issuer(), b.fiscalYear(),
                b.serial(), b.issuedOn(), b.source(), b.runId(), b.correctionTitreId(), b.settingsRevisionId(), 3,
                new BigDecimal("2000.00"), b.totalVat(), b.totalTtc(),
                List.of(rate("20", "1500", "300", "1800"), rate("5.5", "600", "0", "600")), b.titres());
        assertThat(Bordereaux.differences(changed, titresOfTheBordereau())).containsExactly(
                "titre count 3 ≠ the 2 titre(s) that name it",
                "total HT 2000.00 ≠ the sum of its titres' lines 2100.00",
                "total HT 2000.00 + total VAT 300.00 ≠ total TTC 2400.00",
                "no totals at rate 0.00 % where its titres' lines have 600.00 TTC",
                "totals at rate 5.50 % (600 TTC) where no line of its titres has that rate");
    }
}
