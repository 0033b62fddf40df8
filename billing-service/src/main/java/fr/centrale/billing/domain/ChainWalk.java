package fr.centrale.billing.domain;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Recomputes one chained series, record after record in the order of their positions (billing-service README,
 * "Tamper evidence"): positions 1, 2, 3… without gap nor double, each stored hash equal to
 * {@code SHA-256(previous stored hash, "\n", the record as it reads now)}, and at the end the series' head (its
 * length and last hash, kept in {@code ledger_chain}) equal to what was found. Each record is checked against its
 * predecessor's stored hash, so one altered record is named alone; an altered record whose hash was recomputed
 * too breaks the link of the next one.
 */
public final class ChainWalk {

    /** Which verification a break belongs to. */
    public enum Check { CHAINS, NUMBER_SERIES }

    /** One record as stored: its position in the series, id, number (or other name), stored hash, canonical record. */
    public record Entry(long position, UUID id, String number, String storedHash, String record) {
    }

    /** Where the series does not hold, and what differs. */
    public record Break(Check check, ChainKey series, Long position, UUID id, String number, String what) {
    }

    private final ChainKey series;
    /** Whether positions are numbers of a number series (titres, mandats): their gaps are NUMBER_SERIES breaks. */
    private final boolean numbered;
    private final Consumer<Break> breaks;
    private String previous = LedgerChain.GENESIS;
    private long last;
    private long count;

    /** Walks {@code series}, handing each break to {@code breaks} as it is found. */
    public ChainWalk(ChainKey series, boolean numbered, Consumer<Break> breaks) {
        this.series = series;
        this.numbered = numbered;
        this.breaks = breaks;
    }

    /** The position the next record should have. */
    public long nextPosition() {
        return last + 1;
    }

    public ChainKey series() {
        return series;
    }

    public void accept(Entry e) {
        count++;
        Check order = numbered ? Check.NUMBER_SERIES : Check.CHAINS;
        if (e.position() == last) {
            breaks.accept(new Break(order, series, e.position(), e.id(), e.number(), "position " + e.position() + " is taken twice"));
        } else if (e.position() != last + 1) {
            breaks.accept(new Break(order, series, e.position(), e.id(), e.number(), e.position() < last
                    ? "position " + e.position() + " comes after " + last
                    : (e.position() == last + 2 ? "position " + (last + 1) + " is missing"
                    : "positions " + (last + 1) + " to " + (e.position() - 1) + " are missing")));
        }
        last = Math.max(last, e.position());
        String recomputed = LedgerChain.link(previous, e.record());
        if (!LedgerChain.wellFormed(e.storedHash())) {
            breaks.accept(new Break(Check.CHAINS, series, e.position(), e.id(), e.number(),
                    "no chain hash stored (" + e.storedHash() + "); recomputed " + recomputed));
        } else if (!recomputed.equals(e.storedHash())) {
            breaks.accept(new Break(Check.CHAINS, series, e.position(), e.id(), e.number(), "stored hash " + e.storedHash()
                    + " is not that of its content after the previous hash (" + recomputed
                    + "): this record, or the one before it, was changed, removed or inserted"));
        }
        previous = LedgerChain.wellFormed(e.storedHash()) ? e.storedHash() : recomputed;
    }

    /**
     * Compares what was walked with the series' head; hands the breaks found to the sink.
     *
     * @param headLength the length the series' head records (null: no head)
     * @param headHash the last hash the head records
     * @param lastNumber for a numbered series, the last number given ({@code number_series.last_number}; null: none)
     */
    public void finish(Long headLength, String headHash, Long lastNumber) {
        Consumer<Break> all = breaks;
        if (headLength == null) {
            if (count > 0) {
                all.accept(new Break(Check.CHAINS, series, null, null, null, "the series has " + count + " record(s) but no head in ledger_chain"));
            }
        } else {
            if (headLength != count || headLength != last) {
                all.accept(new Break(Check.CHAINS, series, headLength, null, null, "the head records " + headLength
                        + " record(s); " + count + " found, the last at position " + last));
            }
            if (!previous.equals(headHash) && count > 0) {
                all.accept(new Break(Check.CHAINS, series, last, null, null, "the head's hash " + headHash
                        + " is not the last record's (" + previous + ")"));
            }
        }
        if (numbered && lastNumber != null && lastNumber != last) {
            all.accept(new Break(Check.NUMBER_SERIES, series, lastNumber, null, null, lastNumber > last
                    ? "numbers " + (last + 1) + " to " + lastNumber + " were given but no record has them"
                    : "the number series stops at " + lastNumber + " but records go up to " + last));
        }
    }

    /** The last hash: the stored one of the last record (the series' head when it holds). */
    public String head() {
        return previous;
    }

    public long count() {
        return count;
    }
}
