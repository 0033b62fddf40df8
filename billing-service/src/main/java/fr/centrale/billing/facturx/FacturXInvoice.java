package fr.centrale.billing.facturx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a Factur-X invoice states (EN 16931 profile), for a titre de recettes (an invoice) or a titre
 * d'annulation / de réduction (a credit note): docs/rules.md, R-8. It is a plain value, mapped from the
 * titre's document model; the Business Terms of EN 16931 are named on each field (BT-n, BG-n).
 *
 * <p>The constructor checks what EN 16931 and docs/rules.md R-1 ask of the amounts, so that the XML can
 * never state other totals than the printed titre: every amount in cents; per VAT category and rate, the
 * taxable amount is the sum of its lines and the VAT the sum of each line's VAT rounded HALF_UP to the cent
 * the totals are the sums of the breakdown; a credit note references the invoice it corrects. A
 * breach throws {@link IllegalArgumentException} naming the field.
 *
 * <p>A credit note states positive amounts: the type code 381 says they are credited, as EN 16931 wants.
 *
 * @param number            BT-1, the titre's number
 * @param type              BT-3, 380 (titre de recettes) or 381 (titre d'annulation or de réduction)
 * @param issueDate         BT-2
 * @param dueDate           BT-9, null when none (a credit note)
 * @param seller            BG-4, the issuer
 * @param buyer             BG-7, the debtor
 * @param orderReference    BT-13, the buyer's order reference: the Chorus Pro engagement juridique (EJ) of
 *                          the titre's source (docs/rules.md, R-3); null when the debtor gave none
 * @param precedingInvoice  BG-3, the titre a credit note cancels or reduces; null on an invoice
 * @param lines             BG-25, at least one
 * @param vatBreakdown      BG-23, one entry per VAT category and rate used by the lines
 * @param totalNet          BT-109 (= BT-106, no document-level allowance or charge), total HT
 * @param totalVat          BT-110, total VAT
 * @param totalGross        BT-112, total TTC
 * @param amountDue         BT-115, what is claimed (the total TTC less what was paid before issue, BT-113)
 * @param paymentTerms      BT-20, how and when to pay, as printed; null when none (then Mustang writes its own
 *                          English "Please remit until" on an invoice with a due date: give the printed text)
 * @param notes             BT-22, the legal mentions as printed (executory formula, legal basis, recourse...)
 */
public record FacturXInvoice(
        String number,
        DocumentType type,
        LocalDate issueDate,
        LocalDate dueDate,
        Seller seller,
        Buyer buyer,
        String orderReference,
        PrecedingInvoice precedingInvoice,
        List<Line> lines,
        List<VatTotal> vatBreakdown,
        BigDecimal totalNet,
        BigDecimal totalVat,
        BigDecimal totalGross,
        BigDecimal amountDue,
        String paymentTerms,
        List<String> notes) {

    /** BT-5: titres are in euros. */
    public static final String CURRENCY = "EUR";

    /** BT-3, from the UNTDID 1001 code list. */
    public enum DocumentType {
        /** Commercial invoice: a titre de recettes. */
        INVOICE("380"),
        /** Credit note: a titre d'annulation or de réduction (docs/rules.md, R-8). */
        CREDIT_NOTE("381");

        private final String code;

        DocumentType(String code) {
            this.code = code;
        }

        /** The UNTDID 1001 code. */
        public String code() {
            return code;
        }
    }

    /**
     * BT-151 / BT-118, the EN 16931 VAT categories a titre uses.
     *
     * <p>Where no VAT applies (RESAH, La Fibre Numérique: docs/rules.md, R-1), the issuer is a public body
     * that is not a taxable person for these contributions (CGI art. 256 B): the operation is outside the
     * scope of VAT, category O, not an exempt taxable supply, category E. EN 16931 agrees: O asks no seller
     * VAT identifier (BR-O-02 even forbids one), no rate (BR-O-05) and a "not subject to VAT" reason
     * (BR-O-10), whereas E needs the seller's VAT identifier (BR-E-02) and the legal exemption it relies on
     * (BR-E-10), which such an issuer has not.
     */
    public enum VatCategory {
        /** S: standard rated, with a rate (CAIH: 20 %). */
        STANDARD("S"),
        /** O: services outside the scope of tax, no rate, with an exemption reason (BR-O-10). */
        NOT_SUBJECT_TO_VAT("O");

        private final String code;

        VatCategory(String code) {
            this.code = code;
        }

        /** The UNCL 5305 code. */
        public String code() {
            return code;
        }
    }

    /**
     * A postal address (BG-5, BG-8).
     *
     * @param line1       BT-35 / BT-50, street and number
     * @param line2       BT-36 / BT-51, null when none
     * @param postcode    BT-38 / BT-53
     * @param city        BT-37 / BT-52
     * @param countryCode BT-40 / BT-55, ISO 3166-1 alpha-2 ("FR")
     */
    public record Address(String line1, String line2, String postcode, String city, String countryCode) {
        public Address {
            required("address.line1", line1);
            required("address.postcode", postcode);
            required("address.city", city);
            required("address.countryCode", countryCode);
            if (!countryCode.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("address.countryCode: ISO 3166-1 alpha-2 expected, was " + countryCode);
            }
        }
    }

    /**
     * The issuer (BG-4) and how to pay it (BG-16, BG-10).
     *
     * @param name      BT-27
     * @param siret     BT-30, 14 digits (scheme 0009, SIRET)
     * @param address   BG-5
     * @param vatId     BT-31, the intra-community VAT number; required when a line is standard rated
     *                  (BR-S-02), left out of an invoice without VAT (BR-O-02); null when none
     * @param iban      BT-84, the account to pay to (SEPA credit transfer, code 58); null when none
     * @param bic       BT-86, null when none
     * @param payeeName BT-59, who collects when it is not the issuer itself (the comptable public or agent
     *                  comptable: docs/rules.md, R-5); null when the issuer collects
     */
    public record Seller(String name, String siret, Address address, String vatId, String iban, String bic,
                         String payeeName) {
        public Seller {
            required("seller.name", name);
            checkSiret("seller.siret", siret);
            Objects.requireNonNull(address, "seller.address");
        }
    }

    /**
     * The debtor (BG-7).
     *
     * @param name        BT-44
     * @param siret       BT-47, 14 digits (scheme 0009, SIRET): how Chorus Pro finds the debtor
     * @param address     BG-8
     * @param serviceCode BT-10, the Chorus Pro code service of the titre's source (docs/rules.md, R-3); null
     *                    when the debtor asks none
     */
    public record Buyer(String name, String siret, Address address, String serviceCode) {
        public Buyer {
            required("buyer.name", name);
            checkSiret("buyer.siret", siret);
            Objects.requireNonNull(address, "buyer.address");
        }
    }

    /**
     * BG-3, the titre a credit note corrects.
     *
     * @param number    BT-25
     * @param issueDate BT-26
     */
    public record PrecedingInvoice(String number, LocalDate issueDate) {
        public PrecedingInvoice {
            required("precedingInvoice.number", number);
            Objects.requireNonNull(issueDate, "precedingInvoice.issueDate");
        }
    }

    /**
     * An invoice line (BG-25): one service, quantity 1, priced at its net amount.
     *
     * @param id          BT-126, unique in the invoice
     * @param label       BT-153, the item name as printed
     * @param periodStart BT-134, null when the line has no period
     * @param periodEnd   BT-135, null when the line has no period
     * @param netAmount   BT-131, HT, in cents
     * @param vatCategory BT-151
     * @param vatRate     BT-152, in percent (20.00) for a standard rated line; null when not subject to VAT
     * @param statedVat   the line's VAT as the titre states it, when it is not simply net × rate rounded: a correction's
     *                    VAT is the original's in proportion (docs/rules.md, R-1, Vat.split), which may differ from it by
     *                    one cent (EN 16931 tolerates that cent); null: net × rate rounded HALF_UP
     */
    public record Line(String id, String label, LocalDate periodStart, LocalDate periodEnd, BigDecimal netAmount,
                       VatCategory vatCategory, BigDecimal vatRate, BigDecimal statedVat) {

        /** A line whose VAT is its net amount × rate, rounded HALF_UP to the cent. */
        public Line(String id, String label, LocalDate periodStart, LocalDate periodEnd, BigDecimal netAmount,
                    VatCategory vatCategory, BigDecimal vatRate) {
            this(id, label, periodStart, periodEnd, netAmount, vatCategory, vatRate, null);
        }

        public Line {
            required("line.id", id);
            required("line.label", label);
            if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
                throw new IllegalArgumentException("line " + id + ": periodEnd " + periodEnd + " before periodStart " + periodStart);
            }
            netAmount = cents("line " + id + ".netAmount", netAmount);
            Objects.requireNonNull(vatCategory, "line " + id + ".vatCategory");
            vatRate = checkRate("line " + id, vatCategory, vatRate);
            if (statedVat != null) {
                statedVat = cents("line " + id + ".statedVat", statedVat);
                BigDecimal computed = vatRate == null ? BigDecimal.ZERO.setScale(2)
                        : netAmount.multiply(vatRate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                if (statedVat.subtract(computed).abs().compareTo(new BigDecimal("0.01")) > 0) {
                    throw new IllegalArgumentException("line " + id + ".statedVat: " + statedVat + " is more than a cent from "
                            + computed + " = net × rate");
                }
            }
        }

        /**
         * This line's VAT: as stated, else net × rate rounded HALF_UP to the cent (docs/rules.md, R-1); zero when not
         * subject to VAT.
         */
        public BigDecimal vatAmount() {
            if (vatRate == null) {
                return BigDecimal.ZERO.setScale(2);
            }
            if (statedVat != null) {
                return statedVat;
            }
            return netAmount.multiply(vatRate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        }
    }

    /**
     * One VAT breakdown (BG-23): the lines of one category and rate.
     *
     * @param category        BT-118
     * @param rate            BT-119, null when not subject to VAT
     * @param taxableAmount   BT-116, the sum of the lines' net amounts
     * @param taxAmount       BT-117, the sum of the lines' VAT (each rounded to the cent: docs/rules.md, R-1)
     * @param exemptionReason BT-120, the issuer's configured mention (e.g. "TVA non applicable, art. 256 B du
     *                        CGI"), required when not subject to VAT (BR-O-10); null otherwise
     */
    public record VatTotal(VatCategory category, BigDecimal rate, BigDecimal taxableAmount, BigDecimal taxAmount,
                           String exemptionReason) {
        public VatTotal {
            Objects.requireNonNull(category, "vatBreakdown.category");
            rate = checkRate("vatBreakdown " + category, category, rate);
            taxableAmount = cents("vatBreakdown.taxableAmount", taxableAmount);
            taxAmount = cents("vatBreakdown.taxAmount", taxAmount);
            if (category == VatCategory.NOT_SUBJECT_TO_VAT && (exemptionReason == null || exemptionReason.isBlank())) {
                throw new IllegalArgumentException("vatBreakdown.exemptionReason: required when not subject to VAT (EN 16931 BR-O-10)");
            }
        }
    }

    public FacturXInvoice {
        required("number", number);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        if (type == DocumentType.CREDIT_NOTE && precedingInvoice == null) {
            throw new IllegalArgumentException("precedingInvoice: a credit note references the titre it corrects (docs/rules.md, R-8)");
        }
        if (type == DocumentType.INVOICE && precedingInvoice != null) {
            throw new IllegalArgumentException("precedingInvoice: only a credit note references a preceding titre");
        }
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        vatBreakdown = List.copyOf(Objects.requireNonNull(vatBreakdown, "vatBreakdown"));
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines: at least one (EN 16931 BR-16)");
        }
        if (lines.stream().map(Line::id).distinct().count() != lines.size()) {
            throw new IllegalArgumentException("lines: line ids must be unique (BT-126)");
        }
        totalNet = cents("totalNet", totalNet);
        totalVat = cents("totalVat", totalVat);
        totalGross = cents("totalGross", totalGross);
        amountDue = cents("amountDue", amountDue);
        checkVat(lines, vatBreakdown, seller);
        checkTotals(vatBreakdown, totalNet, totalVat, totalGross, amountDue);
    }

    /** BT-5. */
    public String currency() {
        return CURRENCY;
    }

    /** Whether no line bears VAT (the whole invoice is outside the scope of VAT). */
    public boolean notSubjectToVat() {
        return lines.stream().allMatch(l -> l.vatCategory() == VatCategory.NOT_SUBJECT_TO_VAT);
    }

    /** BT-113: what the debtor had paid before issue, the difference between the total TTC and the amount due. */
    public BigDecimal prepaidAmount() {
        return totalGross.subtract(amountDue);
    }

    private static void checkVat(List<Line> lines, List<VatTotal> breakdown, Seller seller) {
        Map<String, BigDecimal[]> fromLines = new LinkedHashMap<>();
        for (Line line : lines) {
            BigDecimal[] sums = fromLines.computeIfAbsent(key(line.vatCategory(), line.vatRate()),
                    k -> new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
            sums[0] = sums[0].add(line.netAmount());
            sums[1] = sums[1].add(line.vatAmount());
        }
        boolean outOfScope = lines.stream().anyMatch(l -> l.vatCategory() == VatCategory.NOT_SUBJECT_TO_VAT);
        if (outOfScope && fromLines.size() > 1) {
            // BR-O-11 to BR-O-14: an invoice outside the scope of VAT has no other category.
            throw new IllegalArgumentException("lines: a line not subject to VAT cannot share an invoice with taxed lines (EN 16931 BR-O-11)");
        }
        if (!outOfScope && (seller.vatId() == null || seller.vatId().isBlank())) {
            throw new IllegalArgumentException("seller.vatId: required when a line is standard rated (EN 16931 BR-S-02)");
        }
        if (breakdown.size() != fromLines.size()) {
            throw new IllegalArgumentException("vatBreakdown: " + breakdown.size() + " entries, the lines use "
                    + fromLines.size() + " VAT categories and rates " + fromLines.keySet());
        }
        for (VatTotal total : breakdown) {
            String key = key(total.category(), total.rate());
            BigDecimal[] sums = fromLines.get(key);
            if (sums == null) {
                throw new IllegalArgumentException("vatBreakdown " + key + ": no line has this VAT category and rate");
            }
            same("vatBreakdown " + key + ".taxableAmount", total.taxableAmount(), sums[0]);
            same("vatBreakdown " + key + ".taxAmount", total.taxAmount(), sums[1]);
        }
    }

    private static void checkTotals(List<VatTotal> breakdown, BigDecimal totalNet, BigDecimal totalVat,
                                    BigDecimal totalGross, BigDecimal amountDue) {
        same("totalNet", totalNet, breakdown.stream().map(VatTotal::taxableAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
        same("totalVat", totalVat, breakdown.stream().map(VatTotal::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
        same("totalGross", totalGross, totalNet.add(totalVat));
        if (amountDue.signum() < 0 || amountDue.compareTo(totalGross) > 0) {
            throw new IllegalArgumentException("amountDue: " + amountDue + " must lie between 0 and totalGross " + totalGross);
        }
    }

    private static String key(VatCategory category, BigDecimal rate) {
        return category.code() + (rate == null ? "" : " " + rate.toPlainString() + " %");
    }

    private static void same(String field, BigDecimal stated, BigDecimal computed) {
        if (stated.compareTo(computed) != 0) {
            throw new IllegalArgumentException(field + ": " + stated + " stated, " + computed.setScale(2)
                    + " from the lines (docs/rules.md, R-1)");
        }
    }

    private static BigDecimal checkRate(String field, VatCategory category, BigDecimal rate) {
        if (category == VatCategory.NOT_SUBJECT_TO_VAT) {
            if (rate != null) {
                throw new IllegalArgumentException(field + ".vatRate: none when not subject to VAT (EN 16931 BR-O-05)");
            }
            return null;
        }
        if (rate == null || rate.signum() <= 0 || rate.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException(field + ".vatRate: a standard rated line has a rate above 0 % (EN 16931 BR-S-05)");
        }
        try {
            return rate.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + ".vatRate: at most 2 decimals, was " + rate.toPlainString());
        }
    }

    static BigDecimal cents(String field, BigDecimal amount) {
        Objects.requireNonNull(amount, field);
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + ": an amount in cents expected, was " + amount.toPlainString());
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
    }

    private static void checkSiret(String field, String value) {
        if (value == null || !value.matches("\\d{14}")) {
            throw new IllegalArgumentException(field + ": 14 digits expected, was " + value);
        }
    }
}
