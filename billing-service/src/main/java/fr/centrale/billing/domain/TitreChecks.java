package fr.centrale.billing.domain;

import fr.centrale.common.billing.BillableItem.Taxation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a titre must state of itself, recomputed by the ledger verification (billing-service README, "Tamper
 * evidence"): its number is that of its series and serial ({@code RESAH-2025-000042}, {@code RESAH-2025-M673-000001});
 * its totals are the sums of its lines (docs/rules.md, R-1: "the titre totals per rate and claims the TTC"), TTC = HT
 * + VAT on each line and on the titre; an original's line VAT is HT × rate / 100 HALF_UP (R-1; a correction's VAT is
 * the original's split back in proportion, Vat.split, so only its sums are checked); it claims more than zero.
 */
public final class TitreChecks {

    private TitreChecks() {
    }

    /** RESAH-2025-000042 (titres), RESAH-2025-M673-000001 (mandats 673): the serial on at least six digits. */
    public static String number(String issuer, int fiscalYear, boolean mandate, int serial) {
        String digits = Integer.toString(serial);
        StringBuilder n = new StringBuilder(issuer).append('-').append(fiscalYear).append(mandate ? "-M673-" : "-");
        for (int i = digits.length(); i < 6; i++) {
            n.append('0');
        }
        return n.append(digits).toString();
    }

    /** What differs, in words; empty when the titre holds. */
    public static List<String> differences(LedgerRecords.TitreFields t) {
        List<String> found = new ArrayList<>();
        boolean mandate = "MANDATE_673".equals(t.kind());
        String expected = number(t.issuer(), t.fiscalYear(), mandate, t.serial());
        if (!expected.equals(t.number())) {
            found.add("number " + t.number() + " is not that of serial " + t.serial() + " (" + expected + ")");
        }
        if (t.lines().isEmpty()) {
            found.add("no line");
        }
        BigDecimal ht = Vat.ZERO;
        BigDecimal vat = Vat.ZERO;
        BigDecimal ttc = Vat.ZERO;
        for (LedgerRecords.LineFields l : t.lines()) {
            if (l.amount() == null || l.vatAmount() == null || l.amountTtc() == null) {
                found.add("line " + l.lineNo() + " lacks an amount");
                continue;
            }
            ht = ht.add(l.amount());
            vat = vat.add(l.vatAmount());
            ttc = ttc.add(l.amountTtc());
            if (l.amount().add(l.vatAmount()).compareTo(l.amountTtc()) != 0) {
                found.add("line " + l.lineNo() + ": HT " + l.amount() + " + VAT " + l.vatAmount() + " ≠ TTC " + l.amountTtc());
            }
            if ("ORIGINAL".equals(t.kind()) && l.vatRate() != null && l.taxation() != null) {
                BigDecimal due;
                try {
                    due = Vat.line(l.amount(), Taxation.valueOf(l.taxation()), l.vatRate()).vat();
                } catch (IllegalArgumentException e) {
                    found.add("line " + l.lineNo() + ": " + e.getMessage());
                    continue;
                }
                if (due.compareTo(l.vatAmount()) != 0) {
                    found.add("line " + l.lineNo() + ": VAT " + l.vatAmount() + " ≠ " + l.amount() + " × " + l.vatRate()
                            + " % = " + due);
                }
            }
        }
        compare(found, "total HT", t.totalHt(), ht);
        compare(found, "total VAT", t.totalVat(), vat);
        compare(found, "total (TTC)", t.total(), ttc);
        if (t.total() != null && t.totalHt() != null && t.totalVat() != null
                && t.totalHt().add(t.totalVat()).compareTo(t.total()) != 0) {
            found.add("total HT " + t.totalHt() + " + total VAT " + t.totalVat() + " ≠ total " + t.total());
        }
        if (t.total() != null && t.total().signum() <= 0) {
            found.add("total " + t.total() + " is not positive");
        }
        return found;
    }

    private static void compare(List<String> found, String what, BigDecimal stated, BigDecimal sum) {
        if (stated == null || stated.compareTo(sum) != 0) {
            found.add(what + " " + stated + " ≠ the sum of the lines " + sum);
        }
    }
}
