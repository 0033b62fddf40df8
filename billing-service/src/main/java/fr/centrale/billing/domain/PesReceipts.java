package fr.centrale.billing.domain;

import fr.centrale.billing.pes.PesRetourReader.Receipt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What an encaissement of the comptable's PES_Retour does to the ledger: payments are recorded by the comptable, not by
 * the ordonnateur (issue 17), and come back as the {@code EncaissementEmargement} of a line of titre. Each is matched to
 * its titre by issuer, fiscal year, bordereau and titre numbers, and recorded as a payment once only.
 *
 * <p>Decision (the issue says "nothing half-recorded" and "the answer lists what was recorded and what was refused"):
 * a file is read in one transaction; each of its lines is either recorded whole (the payment and its key) or refused
 * with a reason, and the valid lines are recorded even when others are refused, since the comptable has already
 * collected that money and a refused line is a discrepancy to look into, not a reason to ignore the others. A file the
 * schema refuses, or whose budget is no issuer's, records nothing.
 */
public final class PesReceipts {

    /**
     * OrgEma values that are money received: 01 encaissement avant émission de titre, 02 encaissement sur pièce,
     * 03 flux d'encaissement, 10 TIPI (payment on the internet). The others (a mandat, a titre correctif, a liste de
     * non-valeur, frais de poursuite...) settle the line without money: not a payment (CommunRecette_Retour.xsd, TOrgEma).
     */
    public static final Set<String> PAYMENT_ORIGINS = Set.of("01", "02", "03", "10");

    private PesReceipts() {
    }

    /** A titre as far as the matching needs it; {@code bordereau} is the number of the bordereau listing it, if any. */
    public record TitreFacts(UUID id, String number, boolean original, boolean cancelled, BigDecimal remaining,
                             LocalDate issuedOn, Long bordereau, int lines) {
    }

    /** Why a line is not recorded: a stable code and a sentence. */
    public record Refusal(String code, String message) {
    }

    /**
     * The key of an encaissement: issuer, fiscal year, bordereau, titre, line, date, amount and rank among identical
     * ones of the file, so that the same file, or a later stock file repeating it, records nothing new.
     */
    public static String key(String issuer, Receipt r) {
        return String.format(Locale.ROOT, "%s/%d/B%d/T%d/L%d/%s/%s/%d", issuer, r.fiscalYear(), r.bordereau(), r.piece(),
                r.line(), r.date(), r.amount().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), r.rank());
    }

    /** The payment's reference, as payments by hand carry one (at most 100 characters). */
    public static String reference(String issuer, Receipt r) {
        return String.format(Locale.ROOT, "PES %s %d B%d T%d L%d", issuer, r.fiscalYear(), r.bordereau(), r.piece(), r.line());
    }

    /**
     * Why {@code r} cannot be recorded against {@code titre} (null: no titre of that number), empty when it can.
     *
     * @param earlierInFile what the lines of the same file recorded on that titre before this one
     */
    public static Optional<Refusal> check(Receipt r, TitreFacts titre, BigDecimal earlierInFile) {
        String where = "bordereau " + r.bordereau() + ", titre " + r.piece() + ", line " + r.line() + " of " + r.fiscalYear();
        if (!PAYMENT_ORIGINS.contains(r.origin())) {
            return refuse("NOT_A_PAYMENT", where + ": émargement of origin " + r.origin()
                    + " (not money received: only 01, 02, 03 and 10 are)");
        }
        if (titre == null) {
            return refuse("UNKNOWN_TITRE", where + ": no titre " + r.piece() + " of the issuer in " + r.fiscalYear());
        }
        if (titre.bordereau() == null || titre.bordereau() != r.bordereau()) {
            return refuse("BORDEREAU_MISMATCH", where + ": titre " + titre.number() + " is "
                    + (titre.bordereau() == null ? "on no bordereau" : "on bordereau " + titre.bordereau()));
        }
        if (r.line() < 1 || r.line() > titre.lines()) {
            return refuse("UNKNOWN_LINE", where + ": titre " + titre.number() + " has " + titre.lines() + " line(s)");
        }
        if (!titre.original()) {
            return refuse("NOT_PAYABLE", where + ": titre " + titre.number() + " is a correction, not a claim");
        }
        if (titre.cancelled()) {
            return refuse("TITRE_CANCELLED", where + ": titre " + titre.number() + " is cancelled");
        }
        if (r.date().isBefore(titre.issuedOn())) {
            return refuse("PAYMENT_BEFORE_ISSUE", where + ": " + r.date() + " is before the titre's issue on " + titre.issuedOn());
        }
        BigDecimal left = titre.remaining().subtract(earlierInFile);
        if (r.amount().compareTo(left) > 0) {
            return refuse("OVERPAYMENT", where + ": " + r.amount() + " € exceeds the " + left.max(BigDecimal.ZERO)
                    + " € that remain due on titre " + titre.number());
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String code, String message) {
        return Optional.of(new Refusal(code, message));
    }
}
