package fr.centrale.billing.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical serialisation and the chain of hashes (README, "Tamper evidence"); the expected hashes were computed
 * apart from this code (Python's hashlib over the same bytes).
 */
class LedgerChainTest {

    private static final UUID P1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID TITRE = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID P2 = UUID.fromString("00000000-0000-0000-0000-000000000003");

    private static String payment1() {
        return LedgerRecords.payment(new LedgerRecords.PaymentFields(1, P1, TITRE, new BigDecimal("1500"), LocalDate.of(2025, 1, 28), "VIR | 42"));
    }

    private static String payment2() {
        return LedgerRecords.payment(new LedgerRecords.PaymentFields(2, P2, TITRE, new BigDecimal("0.5"), LocalDate.of(2025, 2, 1), null));
    }

    @Test
    void aRecordIsItsTypeAndFieldsWithAmountsOnTwoDecimalsAndEscapes() {
        assertThat(payment1()).isEqualTo("payment|1|" + P1 + "|" + TITRE + "|1500.00|2025-01-28|VIR \\| 42");
        assertThat(payment2()).endsWith("|0.50|2025-02-01|\\0");
        assertThat(CanonicalRecord.of("x").text("a\\b").text("c\nd\re").text(null).text("").amount(new BigDecimal("-3.5"))
                .amount(new BigDecimal("5.525")).integer((Integer) null).toString())
                .isEqualTo("x|a\\\\b|c\\nd\\re|\\0||-3.50|5.53|\\0");
        // A literal backslash-zero is not a NULL.
        assertThat(CanonicalRecord.of("x").text("\\0").toString()).isEqualTo("x|\\\\0");
    }

    @Test
    void eachHashChainsToThePreviousOneFromSixtyFourZeros() {
        assertThat(LedgerChain.GENESIS).hasSize(64).matches("0+");
        String first = LedgerChain.link(LedgerChain.GENESIS, payment1());
        assertThat(first).isEqualTo("f71b26eb1f3c25520e74810b5451e17c8d0b4f79bfddfef3413b8b463cba0e7f");
        assertThat(LedgerChain.link(first, payment2())).isEqualTo("3d304eacbccd346f8b42f769ac1c60d536aeaba31072bb65391631646157f1bb");
        // UTF-8.
        assertThat(LedgerChain.link(LedgerChain.GENESIS, "titre|é")).isEqualTo("d8f51ce61a057336acb74de8c8775ad5d59970c47c9cf75c6bcfcef913f7fd5a");
        assertThat(LedgerChain.wellFormed(first)).isTrue();
        assertThat(LedgerChain.wellFormed(first.toUpperCase())).isFalse();
        assertThat(LedgerChain.wellFormed(null)).isFalse();
    }

    @Test
    void aTitreRecordHoldsItsLinesInOrder() {
        UUID id = UUID.fromString("5f0c0000-0000-4000-8000-000000000001");
        var line2 = new LedgerRecords.LineFields(2, UUID.fromString("9b2e0000-0000-4000-8000-000000000002"), "B", null, null, null, null,
                null, new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("10"), "NET_OF_TAX", null, null, null, null, null);
        var line1 = new LedgerRecords.LineFields(1, UUID.fromString("9b2e0000-0000-4000-8000-000000000001"), "A", "Grille", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), new BigDecimal("5.53"), new BigDecimal("600"), new BigDecimal("600.00"), new BigDecimal("0"),
                new BigDecimal("0"), new BigDecimal("600"), "NET_OF_TAX", null, "MEMBERSHIP", TITRE, 1, "MEMBERSHIP_FEE");
        String record = LedgerRecords.titre(new LedgerRecords.TitreFields(id, "RESAH-2025-000001", "RESAH", 2025, 1, "ORIGINAL",
                LocalDate.of(2025, 1, 2), LocalDate.of(2025, 2, 1), "GIP Resah", null, null, null, null, null, P1, "Lens", null, null, null,
                null, null, null, "Cotisation 2025", new BigDecimal("610"), BigDecimal.ZERO, new BigDecimal("610"), null, null, null,
                List.of(line2, line1)));
        assertThat(record.split("\n")).containsExactly(
                "titre|" + id + "|RESAH-2025-000001|RESAH|2025|1|ORIGINAL|2025-01-02|2025-02-01|GIP Resah|\\0|\\0|\\0|\\0|\\0|" + P1
                        + "|Lens|\\0|\\0|\\0|\\0|\\0|\\0|Cotisation 2025|610.00|0.00|610.00|\\0|\\0|\\0",
                "line|1|9b2e0000-0000-4000-8000-000000000001|A|Grille|2025-01-01|2025-12-31|5.53|600.00|600.00|0.00|0.00|600.00|NET_OF_TAX|\\0"
                        + "|MEMBERSHIP|" + TITRE + "|1|MEMBERSHIP_FEE",
                "line|2|9b2e0000-0000-4000-8000-000000000002|B|\\0|\\0|\\0|\\0|\\0|10.00|0.00|0.00|10.00|NET_OF_TAX|\\0|\\0|\\0|\\0|\\0");
    }

    // ---- the walk of a series ----

    private static List<ChainWalk.Break> walk(List<ChainWalk.Entry> entries, Long headLength, String headHash, Long lastNumber) {
        List<ChainWalk.Break> breaks = new ArrayList<>();
        ChainWalk w = new ChainWalk(new ChainKey("RESAH", 2025, ChainKey.Kind.TITRE), true, breaks::add);
        entries.forEach(w::accept);
        w.finish(headLength, headHash, lastNumber);
        return breaks;
    }

    /** Three records chained as a writer does. */
    private static List<ChainWalk.Entry> chained(String... records) {
        List<ChainWalk.Entry> entries = new ArrayList<>();
        String previous = LedgerChain.GENESIS;
        for (int i = 0; i < records.length; i++) {
            previous = LedgerChain.link(previous, records[i]);
            entries.add(new ChainWalk.Entry(i + 1, UUID.randomUUID(), "RESAH-2025-00000" + (i + 1), previous, records[i]));
        }
        return entries;
    }

    @Test
    void aWholeSeriesHolds() {
        List<ChainWalk.Entry> e = chained("a", "b", "c");
        assertThat(walk(e, 3L, e.get(2).storedHash(), 3L)).isEmpty();
    }

    @Test
    void aChangedRecordIsNamedAlone() {
        List<ChainWalk.Entry> e = new ArrayList<>(chained("a", "b", "c"));
        ChainWalk.Entry b = e.get(1);
        e.set(1, new ChainWalk.Entry(2, b.id(), b.number(), b.storedHash(), "b changed"));
        List<ChainWalk.Break> breaks = walk(e, 3L, e.get(2).storedHash(), 3L);
        assertThat(breaks).singleElement().satisfies(x -> {
            assertThat(x.check()).isEqualTo(ChainWalk.Check.CHAINS);
            assertThat(x.id()).isEqualTo(b.id());
            assertThat(x.position()).isEqualTo(2L);
        });
    }

    @Test
    void aRemovedRecordIsAGapABrokenLinkAndAShortSeries() {
        List<ChainWalk.Entry> e = new ArrayList<>(chained("a", "b", "c", "d"));
        ChainWalk.Entry last = e.get(3);
        e.remove(1);
        List<ChainWalk.Break> breaks = walk(e, 4L, last.storedHash(), 4L);
        assertThat(breaks).extracting(ChainWalk.Break::check, ChainWalk.Break::position, ChainWalk.Break::what)
                .first().isEqualTo(org.assertj.core.groups.Tuple.tuple(ChainWalk.Check.NUMBER_SERIES, 3L, "position 2 is missing"));
        assertThat(breaks).extracting(ChainWalk.Break::check).containsExactly(ChainWalk.Check.NUMBER_SERIES, ChainWalk.Check.CHAINS,
                ChainWalk.Check.CHAINS);
        assertThat(breaks.get(2).what()).isEqualTo("the head records 4 record(s); 3 found, the last at position 4");
    }

    @Test
    void aTruncatedTailIsSeenByItsHeadAndItsNumberSeries() {
        List<ChainWalk.Entry> e = chained("a", "b", "c");
        List<ChainWalk.Break> breaks = walk(e.subList(0, 2), 3L, e.get(2).storedHash(), 3L);
        assertThat(breaks).extracting(ChainWalk.Break::what).containsExactly(
                "the head records 3 record(s); 2 found, the last at position 2",
                "the head's hash " + e.get(2).storedHash() + " is not the last record's (" + e.get(1).storedHash() + ")",
                "numbers 3 to 3 were given but no record has them");
    }

    @Test
    void aDoubledNumberAndAMissingHashAreNamed() {
        List<ChainWalk.Entry> e = new ArrayList<>(chained("a", "b"));
        e.add(new ChainWalk.Entry(2, UUID.randomUUID(), "RESAH-2025-000002", null, "b bis"));
        List<ChainWalk.Break> breaks = walk(e, 2L, e.get(1).storedHash(), 2L);
        assertThat(breaks).extracting(ChainWalk.Break::what).anyMatch(w -> w.equals("position 2 is taken twice"))
                .anyMatch(w -> w.startsWith("no chain hash stored (null)"));
    }
}
