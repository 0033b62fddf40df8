package fr.centrale.billing.pes;


import java.util.Locale;

/**
 * The names a PES V2 file gives itself and its parts. The schemas 5.17 fix only what a name may hold: the file's name
 * ({@code NomFic}) at most 100 characters, an attachment's ({@code NomPJ}) a name with an extension of 2 to 4 letters,
 * a unique identifier ({@code IdUnique}) at most 50 letters and digits, the Chorus Pro invoice number
 * ({@code NumeroFacture}) at most 20 letters, digits, spaces, {@code - / _ +}. The file's name follows the pattern of
 * the DGFiP's own return files ({@code PES2R_DEP_..._CodColl_CodBud_Codique_...}, Class_Enveloppe_Retour.xsd):
 * {@code PESALR1_<IdColl>_<CodCol>_<CodBud>_<IdPost>_<Exer>_B<IdBord>_<type>.xml}, e.g.
 * {@code PESALR1_25620103500016_103_01_062009_2025_B0000007_ORD.xml} (ORD ordinary, ANR annulation/réduction).
 * A tiers de télétransmission may rename the file it transmits; NomFic then keeps this name.
 */
public final class PesNames {

    private PesNames() {
    }

    public static String aller(PesBordereau b) {
        var h = b.issuer().helios();
        return String.format(Locale.ROOT, "PESALR1_%s_%s_%s_%s_%d_B%07d_%s.xml", h.collectivityId(), h.collectivityCode(),
                h.budgetCode(), h.postingCode(), b.fiscalYear(), b.number(),
                b.kind() == PesBordereau.Kind.CORRECTION ? "ANR" : "ORD");
    }

    /** IdUnique of a titre's PDF: its number's letters and digits, then PDF. */
    public static String pdfId(String titreNumber) {
        return alnum(titreNumber, 47) + "PDF";
    }

    /** IdUnique announced for a titre's avis des sommes à payer (PES_Facture). */
    public static String asapId(String titreNumber) {
        return alnum(titreNumber, 46) + "ASAP";
    }

    public static String pdfName(String titreNumber) {
        return titreNumber.replaceAll("[^0-9A-Za-z_-]", "_") + ".pdf";
    }

    /** NumeroFacture (Chorus Pro): the titre's number if it fits in 20 characters, else without its dashes (the end kept). */
    public static String invoiceNumber(String titreNumber) {
        String n = titreNumber.replaceAll("[^ \\-/_+0-9a-zA-Z]", "");
        if (n.length() > 20) {
            n = n.replace("-", "");
        }
        return n.length() > 20 ? n.substring(n.length() - 20) : n;
    }

    private static String alnum(String s, int max) {
        String a = s.replaceAll("[^0-9A-Za-z]", "");
        return a.length() > max ? a.substring(a.length() - max) : a;
    }
}
