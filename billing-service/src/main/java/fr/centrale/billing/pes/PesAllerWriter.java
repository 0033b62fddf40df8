package fr.centrale.billing.pes;


import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a bordereau of titres as a PES V2 {@code PES_Aller} (DGFiP schemas 5.17, {@code PES_V2/Rev0/PES_Aller.xsd}),
 * in ISO-8859-1, with a StAX writer: the mapping is in the element names below, in the order the schema's sequences
 * require. What the file holds:
 * <ul>
 *     <li>{@code Enveloppe}: version 2, file type {@code PESALR1}, the file's name ({@link PesNames#aller});</li>
 *     <li>{@code EnTetePES}: the date, the issuer's Hélios codes (IdPost, IdColl, CodCol, CodBud);</li>
 *     <li>{@code PES_RecetteAller}: one {@code Bordereau} (fiscal year, number, date, type 01 ordinary or 02
 *     annulation/réduction, count, HT and VAT totals) with a {@code Piece} per titre (number, type and nature: the
 *     triplet 01/01/01 or 02/02/06, object, the references of its PDF and of its ASAP, the Chorus Pro invoice number, EJ
 *     and service code for a public debtor) and a {@code LigneDePiece} per line (object with its legal basis, product
 *     code, nature and fonction, VAT rate, HT and VAT, the corrected titre for a correction, the debtor as tiers with
 *     SIRET, category, legal nature and address);</li>
 *     <li>{@code PES_Facture}, when a titre's debtor is public: the avis des sommes à payer (type 09, ASAP) that Hélios
 *     deposits on Chorus Pro, one {@code FactureIndiv} per such titre (debtor, lines HT/VAT/TTC, totals, the titre it
 *     belongs to), the issuer and its signatory;</li>
 *     <li>{@code PES_PJ}: each titre's printed PDF, gzip-compressed then Base64 as the schema asks, type 002 (recette).</li>
 * </ul>
 * No signature ({@code InfoDematerialisee} 0): XAdES signing is the tiers de télétransmission's step (see README).
 * A value the schema cannot hold (a missing address, an amount of zero) is an {@link IllegalArgumentException} naming it.
 */
public final class PesAllerWriter {

    /** PES_Aller's namespace; every element below the root is unqualified (elementFormDefault="unqualified"). */
    public static final String NAMESPACE = "http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/aller";
    public static final String ENCODING = "ISO-8859-1";
    /** Enveloppe/Emetteur: the software that wrote the file. */
    private static final String SOFTWARE = "CENTRALE";
    private static final String SOFTWARE_VERSION = "Centrale billing-service 1.0";

    private PesAllerWriter() {
    }

    /** The file, written on {@code writtenOn} (EnTetePES/DteStr). */
    public static byte[] write(PesBordereau b, LocalDate writtenOn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory()
                    .createXMLStreamWriter(new OutputStreamWriter(out, StandardCharsets.ISO_8859_1));
            new Doc(x, b).write(writtenOn);
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("PES_Aller not written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static final class Doc {
        private final XMLStreamWriter x;
        private final PesBordereau b;

        Doc(XMLStreamWriter x, PesBordereau b) {
            this.x = x;
            this.b = b;
        }

        void write(LocalDate writtenOn) throws XMLStreamException {
            x.writeStartDocument(ENCODING, "1.0");
            x.writeStartElement("n", "PES_Aller", NAMESPACE);
            x.writeNamespace("n", NAMESPACE);
            envelope();
            header(writtenOn);
            recette();
            if (b.titres().stream().anyMatch(PesBordereau.Titre::asap)) {
                facture();
            }
            if (b.titres().stream().anyMatch(t -> t.pdf() != null)) {
                attachments();
            }
            x.writeEndElement();
            x.writeEndDocument();
        }

        private void envelope() throws XMLStreamException {
            open("Enveloppe");
            open("Parametres");
            v("Version", "2");
            v("TypFic", "PESALR1");
            v("NomFic", PesNames.aller(b));
            close();
            open("Emetteur");
            v("Sigle", SOFTWARE);
            v("Adresse", SOFTWARE_VERSION);
            close();
            close();
        }

        private void header(LocalDate writtenOn) throws XMLStreamException {
            var h = b.issuer().helios();
            open("EnTetePES");
            v("DteStr", writtenOn.toString());
            v("IdPost", h.postingCode());
            opt("LibellePoste", text(h.postingLabel(), 38));
            v("IdColl", h.collectivityId());
            v("CodCol", h.collectivityCode());
            v("CodBud", h.budgetCode());
            opt("LibelleColBud", text(h.budgetLabel(), 38));
            close();
        }

        private void recette() throws XMLStreamException {
            boolean correction = b.kind() == PesBordereau.Kind.CORRECTION;
            open("PES_RecetteAller");
            open("EnTeteRecette");
            v("IdVer", "2");
            v("InfoDematerialisee", "0");
            close();
            open("Bordereau");
            open("BlocBordereau");
            v("Exer", String.valueOf(b.fiscalYear()));
            v("IdBord", String.valueOf(b.number()));
            v("DteBordEm", b.date().toString());
            v("TypBord", correction ? "02" : "01");
            v("NbrPce", String.valueOf(b.titres().size()));
            v("MtBordHt", amount(b.totalHt(), "bordereau HT"));
            if (b.totalVat().signum() > 0) {
                v("MtBordTVA", amount(b.totalVat(), "bordereau VAT"));
            }
            close();
            for (PesBordereau.Titre t : b.titres()) {
                piece(t, correction);
            }
            close();
            close();
        }

        private void piece(PesBordereau.Titre t, boolean correction) throws XMLStreamException {
            open("Piece");
            open("BlocPiece");
            v("IdPce", String.valueOf(t.serial()));
            v("TypPce", correction ? "02" : "01");
            v("NatPce", correction ? "06" : "01");
            if (t.asap()) {
                v("Edition", "02"); // ASAP CPP: Hélios deposits the avis des sommes à payer on Chorus Pro
            }
            opt("ObjPce", text(t.object(), 160));
            if (t.pdf() != null) {
                pjRef(PesNames.pdfId(t.reference()), PesNames.pdfName(t.reference()), "002");
            }
            if (t.asap()) {
                pjRef(PesNames.asapId(t.reference()), null, "006");
                v("NumeroFacture", PesNames.invoiceNumber(t.reference()));
                opt("NumeroEngagement", text(t.chorusLegalCommitment(), 50));
                opt("CodeService", text(t.chorusServiceCode(), 100));
            }
            close();
            int i = 0;
            for (PesBordereau.Line l : t.lines()) {
                line(t, l, ++i);
            }
            close();
        }

        private void pjRef(String id, String name, String type) throws XMLStreamException {
            open("PJRef");
            v("Support", "01");
            v("IdUnique", id);
            opt("NomPJ", name);
            v("TypePJ", type);
            close();
        }

        private void line(PesBordereau.Titre t, PesBordereau.Line l, int no) throws XMLStreamException {
            var h = b.issuer().helios();
            open("LigneDePiece");
            open("BlocLignePiece");
            open("InfoLignePiece");
            v("IdLigne", String.valueOf(no));
            String object = l.legalBasis() == null || l.legalBasis().isBlank() ? l.description()
                    : l.description() + " - base : " + l.legalBasis();
            opt("ObjLignePce", text(object, 160));
            v("CodProdLoc", h.productCode());
            v("Nature", digits(l.nature(), 12, "line " + no + " of " + t.reference() + ": nature"));
            if (l.function() != null && l.function().strip().matches("[0-9]{1,10}")) {
                v("Fonction", l.function().strip());
            }
            if (l.bearsVat()) {
                v("TxTva", l.vatRate().setScale(2, RoundingMode.HALF_UP).toPlainString());
            }
            v("Majo", "0");
            v("TvaIntraCom", "0");
            v("MtHT", amount(l.ht(), "line " + no + " of " + t.reference() + ": HT"));
            if (l.bearsVat()) {
                v("MtTVA", amount(l.vat(), "line " + no + " of " + t.reference() + ": VAT"));
            }
            close();
            if (t.corrects() != null) {
                open("RattachPiece");
                v("NatPceOrig", "01");
                v("ExerRat", String.valueOf(t.corrects().fiscalYear()));
                v("IdPceOrig", String.valueOf(t.corrects().serial()));
                v("IdLigneOrig", String.valueOf(Math.min(no, Math.max(1, t.corrects().lines()))));
                close();
            }
            close();
            tiers(t);
            close();
        }

        private void tiers(PesBordereau.Titre t) throws XMLStreamException {
            PesBordereau.Debtor d = t.debtor();
            open("Tiers");
            open("InfoTiers");
            if (d.siret() != null && d.siret().matches("[0-9]{14}")) {
                v("IdTiers", d.siret());
                v("NatIdTiers", "01");
            } else if (t.asap()) {
                throw new IllegalArgumentException("titre " + t.reference() + ": a public debtor needs a SIRET (Chorus Pro)");
            }
            v("CatTiers", d.category().catTiers());
            v("NatJur", d.category().natJur());
            v("TypTiers", "01");
            v("Nom", required(text(d.name(), 38), t.reference() + ": debtor name"));
            close();
            address(d.street(), d.postalCode(), d.city(), t.reference() + ": debtor");
            close();
        }

        /** cm:TAdresse (Class_Adresse.xsd): the principal address, resident in France. */
        private void address(String street, String postalCode, String city, String who) throws XMLStreamException {
            open("Adresse");
            v("TypAdr", "1");
            v("Adr2", required(text(street == null || street.isBlank() ? city : street, 38), who + " street"));
            v("CP", postalCode(postalCode, who));
            v("Ville", required(text(city, 38), who + " city"));
            v("CodRes", "0");
            close();
        }

        /** The avis des sommes à payer of the public debtors (NS_Facture/r0/Class_PESFacture.xsd, type 09 ASAP). */
        private void facture() throws XMLStreamException {
            PesBordereau.Issuer i = b.issuer();
            open("PES_Facture");
            v("IdVer", "2");
            v("Annee", String.valueOf(b.fiscalYear()));
            v("TypeFact", "09");
            v("Date", b.date().toString());
            open("Emetteur");
            open("InfoTiers");
            if (i.siret() != null && i.siret().matches("[0-9]{14}")) {
                v("IdTiers", i.siret());
            }
            v("CatTiers", "29");
            v("NatJur", "09");
            v("TypTiers", "20");
            v("Nom", required(text(i.name(), 38), "issuer name"));
            close();
            open("Adresse");
            v("TypAdr", "1");
            v("Adr2", required(text(i.street() == null || i.street().isBlank() ? i.city() : i.street(), 38), "issuer street"));
            v("CP", postalCode(i.postalCode(), "issuer"));
            v("Ville", required(text(i.city(), 38), "issuer city"));
            v("CodRes", "0");
            close();
            open("Signataire");
            open("Personne");
            v("Nom", required(text(i.signatoryName(), 38), "officer name"));
            v("Prenom", required(text(i.signatoryFirstNames(), 38), "officer first names"));
            close();
            v("Role", required(text(i.signatoryTitle(), 50), "officer title"));
            close();
            close();
            for (PesBordereau.Titre t : b.titres()) {
                if (t.asap()) {
                    invoice(t);
                }
            }
            open("Nomenclatures");
            close();
            close();
        }

        private void invoice(PesBordereau.Titre t) throws XMLStreamException {
            PesBordereau.Debtor d = t.debtor();
            open("FactureIndiv");
            v("DateEmission", t.issuedOn().toString());
            v("NumeroFacture", PesNames.invoiceNumber(t.reference()));
            open("Debiteur");
            open("InfoTiers");
            v("IdTiers", d.siret());
            v("CatTiers", d.category().catTiers());
            v("NatJur", d.category().natJur());
            v("TypTiers", "01");
            v("Nom", required(text(d.name(), 38), t.reference() + ": debtor name"));
            close();
            open("Adresse");
            v("TypAdr", "1");
            v("Adr2", required(text(d.street() == null || d.street().isBlank() ? d.city() : d.street(), 38), t.reference() + ": debtor street"));
            v("CP", postalCode(d.postalCode(), t.reference() + ": debtor"));
            v("Ville", required(text(d.city(), 38), t.reference() + ": debtor city"));
            v("CodRes", "0");
            close();
            close();
            v("Objet", required(text(t.object(), 160), t.reference() + ": object"));
            int order = 0;
            for (PesBordereau.Line l : t.lines()) {
                open("LigneFacture");
                if (l.periodStart() != null && l.periodEnd() != null) {
                    v("DateDebut", l.periodStart().toString());
                    v("DateFin", l.periodEnd().toString());
                } else {
                    v("Date", t.issuedOn().toString());
                }
                v("Libelle", required(text(l.description(), 200), t.reference() + ": line label"));
                v("MtBase", amount(l.ht(), t.reference() + ": line HT"));
                v("MtHT", amount(l.ht(), t.reference() + ": line HT"));
                v("TauxTVA", (l.vatRate() == null ? BigDecimal.ZERO : l.vatRate()).setScale(2, RoundingMode.HALF_UP).toPlainString());
                v("MtTVA", (l.vat() == null ? BigDecimal.ZERO : l.vat()).setScale(2, RoundingMode.HALF_UP).toPlainString());
                v("MtTTC", amount(l.ttc(), t.reference() + ": line TTC"));
                v("Ordre", String.valueOf(++order));
                close();
            }
            open("TotalAPayer");
            v("MtTotalHT", amount(t.totalHt(), t.reference() + ": total HT"));
            v("MtTotalTVA", t.totalVat().setScale(2, RoundingMode.HALF_UP).toPlainString());
            v("MtTotalTTC", amount(t.totalTtc(), t.reference() + ": total TTC"));
            close();
            open("RefTitre");
            v("Exercice", String.valueOf(b.fiscalYear()));
            v("NumBordereau", String.valueOf(b.number()));
            v("NumTitre", String.valueOf(t.serial()));
            v("NumLigne", "1");
            close();
            v("ModalitesReglement", text("Paiement au comptable " + nz(b.issuer().accountantName())
                    + " selon les modalités indiquées sur le titre (référence " + t.reference() + ")", 250));
            opt("ModalitesContestation", text(b.issuer().recourse(), 420));
            v("ModeRecouvrement", "1");
            v("ConditionsGen", text("Titre de recettes " + t.reference() + " émis par " + b.issuer().name()
                    + ", exécutoire dès son émission", 250));
            close();
        }

        private void attachments() throws XMLStreamException {
            open("PES_PJ");
            open("EnTetePES_PJ");
            v("IdVer", "1");
            close();
            for (PesBordereau.Titre t : b.titres()) {
                if (t.pdf() == null) {
                    continue;
                }
                open("PJ");
                open("Contenu");
                x.writeStartElement("Fichier");
                x.writeAttribute("MIMEType", "application/pdf");
                x.writeCharacters(Base64.getEncoder().encodeToString(gzip(t.pdf())));
                x.writeEndElement();
                close();
                v("IdUnique", PesNames.pdfId(t.reference()));
                v("NomPJ", PesNames.pdfName(t.reference()));
                v("TypePJ", "002");
                v("Description", text("Titre de recettes " + t.reference() + " (PDF/A-3)", 250));
                close();
            }
            close();
        }

        private void open(String name) throws XMLStreamException {
            x.writeStartElement(name);
        }

        private void close() throws XMLStreamException {
            x.writeEndElement();
        }

        /** An element holding its value in attribute V, the PES V2 way. */
        private void v(String name, String value) throws XMLStreamException {
            x.writeEmptyElement(name);
            x.writeAttribute("V", value);
        }

        private void opt(String name, String value) throws XMLStreamException {
            if (value != null && !value.isBlank()) {
                v(name, value);
            }
        }
    }

    /** An amount the schema wants strictly positive, two decimals. */
    static String amount(BigDecimal a, String what) {
        if (a == null || a.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be more than 0.00 (PES V2 Base_Montant), not " + a);
        }
        return a.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String digits(String s, int max, String what) {
        String d = s == null ? "" : s.strip();
        if (!d.matches("[0-9]{1," + max + "}") || d.matches("0+")) {
            throw new IllegalArgumentException(what + " must be 1 to " + max + " digits (the budget account), not '" + s + "'");
        }
        return d;
    }

    static String postalCode(String cp, String who) {
        String c = cp == null ? "" : cp.strip();
        if (!c.matches("[0-9]{5}")) {
            throw new IllegalArgumentException(who + " postal code must be 5 digits, not '" + cp + "'");
        }
        return c;
    }

    static String required(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * A text as the schema holds it: one line, characters ISO-8859-1 can write (typographic quotes and dashes made plain,
     * others without their accent or dropped), at most {@code max} characters; null when empty.
     */
    public static String text(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2013', '-').replace('\u2014', '-').replace('\u00A0', ' ').replace('\u202F', ' ')
                .replace("\u20AC", "EUR").replace("\u0153", "oe").replace("\u0152", "OE")
                .replaceAll("[\\r\\n\\t]+", " ").strip();
        StringBuilder out = new StringBuilder();
        for (char c : t.toCharArray()) {
            if (c < 0x100) {
                out.append(c);
            } else {
                String plain = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                plain.chars().filter(ch -> ch < 0x100).forEach(ch -> out.append((char) ch));
            }
        }
        String r = out.toString().replaceAll(" {2,}", " ").strip();
        if (r.length() > max) {
            r = r.substring(0, max).strip();
        }
        return r.isEmpty() ? null : r;
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
