package fr.centrale.billing.pes;

import fr.centrale.billing.domain.PesTiersCategory;
import fr.centrale.billing.domain.SettingsContent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one PES V2 bordereau of titres states ({@link PesAllerWriter} writes it as a {@code PES_Aller}): the issuer and
 * its Hélios codes, the bordereau's number, date and fiscal year, and its titres with their lines, debtor, legal
 * basis and printed PDF. Independent of the ledger: {@link TitrePes} fills it from the printed titre's document model.
 *
 * @param kind       ORDINARY (titres de recettes, TypBord 01) or CORRECTION (titres d'annulation or de réduction, TypBord 02)
 * @param number     the bordereau's number in the issuer's annual series (IdBord, 1 to 9 999 999)
 * @param titres     at least one; all of the kind of the bordereau
 */
public record PesBordereau(Issuer issuer, int fiscalYear, long number, LocalDate date, Kind kind, List<Titre> titres) {

    public enum Kind {
        /** Bordereau ordinaire: titres ordinaires (triplet TypBord 01, TypPce 01, NatPce 01 fonctionnement). */
        ORDINARY,
        /** Bordereau d'annulation/réduction: titres correctifs of the same year (triplet 02, 02, 06). */
        CORRECTION
    }

    public PesBordereau {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if (titres == null || titres.isEmpty()) {
            throw new IllegalArgumentException("a bordereau lists at least one titre");
        }
        if (number < 1 || number > 9_999_999) {
            throw new IllegalArgumentException("bordereau number " + number + " is not between 1 and 9999999 (IdBord)");
        }
        for (Titre t : titres) {
            if ((kind == Kind.CORRECTION) != (t.corrects() != null)) {
                throw new IllegalArgumentException("titre " + t.reference() + " does not belong on a " + kind + " bordereau");
            }
        }
        titres = List.copyOf(titres);
    }

    /**
     * The issuer (the ordonnateur): identity and address as on its titres, its Hélios codes, and who signs the avis des
     * sommes à payer (the officer of docs/rules.md, R-4).
     */
    public record Issuer(String code, String name, String siret, String street, String postalCode, String city,
                         SettingsContent.Helios helios, String signatoryName, String signatoryFirstNames, String signatoryTitle,
                         String accountantName, String recourse) {
        public Issuer {
            Objects.requireNonNull(helios, "helios: the issuer has no Hélios codes");
        }
    }

    /** The debtor as tiers: name, SIRET, address and the category the schema wants (CatTiers, NatJur). */
    public record Debtor(String name, String siret, String street, String postalCode, String city, PesTiersCategory category) {
    }

    /**
     * A titre (pièce).
     *
     * @param serial          its rank in the issuer's annual series (IdPce): 42 for RESAH-2025-000042
     * @param reference       its full number, RESAH-2025-000042
     * @param chorusLegalCommitment the Chorus Pro engagement juridique, for a public debtor
     * @param chorusServiceCode     the Chorus Pro code service, for a public debtor
     * @param corrects        for a titre d'annulation or de réduction, the titre it corrects; else null
     * @param pdf             the printed titre (PDF/A-3), attached as a PES_PJ; null for none
     */
    public record Titre(long serial, String reference, LocalDate issuedOn, String object, Debtor debtor, List<Line> lines,
                        BigDecimal totalHt, BigDecimal totalVat, BigDecimal totalTtc, String chorusLegalCommitment,
                        String chorusServiceCode, Corrected corrects, byte[] pdf) {
        public Titre {
            if (lines == null || lines.isEmpty()) {
                throw new IllegalArgumentException("titre " + reference + " has no line");
            }
            lines = List.copyOf(lines);
        }

        /** Sent to Chorus Pro through the PES_Facture (ASAP) part: a public debtor. */
        public boolean asap() {
            return debtor.category().publicSector();
        }
    }

    /** The titre a correction reduces or cancels: fiscal year, serial and number of lines (RattachPiece). */
    public record Corrected(int fiscalYear, long serial, String reference, int lines) {
    }

    /**
     * A line: what is billed (and on what legal basis, R-5), its imputation (nature, fonction: the issuer's, frozen on
     * the titre), its period and amounts.
     */
    public record Line(String description, String legalBasis, String nature, String function, LocalDate periodStart,
                       LocalDate periodEnd, BigDecimal ht, BigDecimal vatRate, BigDecimal vat, BigDecimal ttc) {
        public boolean bearsVat() {
            return vat != null && vat.signum() > 0;
        }
    }

    public BigDecimal totalHt() {
        return titres.stream().map(Titre::totalHt).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalVat() {
        return titres.stream().map(Titre::totalVat).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
