package fr.centrale.billing.document;

import fr.centrale.billing.IssuerSettings;
import fr.centrale.billing.Titre;
import fr.centrale.billing.TitreKind;
import fr.centrale.billing.TitreLine;
import fr.centrale.billing.domain.PaymentMean;
import fr.centrale.billing.domain.SettingsContent;
import fr.centrale.billing.domain.Vat;
import fr.centrale.common.billing.BillableItem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Documents to print: worked example 3 (no VAT), worked example 7's CAIH titre (VAT 20 %), a cancellation, a mandat 673. */
public final class Samples {

    private Samples() {
    }

    public static SettingsContent resah(SettingsContent.Person delegate) {
        return new SettingsContent(new SettingsContent.Person("Martin", "Marie", "Directrice générale du GIP Resah, ordonnatrice"),
                delegate, "Titre exécutoire en application de l'article L. 252 A du livre des procédures fiscales.",
                new SettingsContent.Accountant(SettingsContent.AccountantKind.AGENT_COMPTABLE, "Agent comptable du GIP Resah",
                        "47 rue de Charonne", "75011", "Paris"),
                "FR283000100794C751000000072", "BDFEFRPPCCT", List.of(PaymentMean.VIREMENT, PaymentMean.CHEQUE),
                new SettingsContent.Imputation("7588", null, "Contributions des adhérents"),
                "Dans le délai de deux mois à compter de la réception du présent titre, vous pouvez contester la somme réclamée "
                        + "en saisissant le Tribunal administratif de Paris. Cette action suspend la force exécutoire du titre. "
                        + "La contestation de la régularité d'un acte de poursuite relève du juge de l'exécution.",
                "TVA non applicable, article 256 B du CGI");
    }

    public static IssuerSettings resahRevision(SettingsContent.Person delegate) {
        return IssuerSettings.of("RESAH", 1, LocalDate.of(2000, 1, 1), resah(delegate), "test");
    }

    /** Worked example 3, second titre: RESAH 2021-008 lot 3, 15/01/2025–30/06/2025, 5,53 months of 2 500,00 €. */
    public static Titre workedExample3() {
        Titre t = titre(TitreKind.ORIGINAL, "RESAH-2025-000042", new BigDecimal("1152.08"));
        t.object = "Contribution annuelle à l'accord-cadre RESAH 2021-008 lot 3 (convention du 15/01/2024)";
        TitreLine l = new TitreLine();
        l.titre = t;
        l.lineNo = 1;
        l.label = "Contribution RESAH 2021-008 lot 3 — Prestations d'assistance à la maîtrise d'œuvre informatique"
                + " — Lot 3 : POSTES UTILISATEURS — année d'exécution 2";
        l.basis = "Grille : Départements";
        l.periodStart = LocalDate.of(2025, 1, 15);
        l.periodEnd = LocalDate.of(2025, 6, 30);
        l.months = new BigDecimal("5.53");
        l.annualAmount = new BigDecimal("2500.00");
        l.legalBasis = "Convention n° 2023-544 signée le 20/12/2023";
        netOfTax(l, new BigDecimal("1152.08"));
        t.lines.add(l);
        return t;
    }

    public static Titre cancellationOf(Titre original) {
        Titre t = titre(TitreKind.CANCELLATION, "RESAH-2025-000057", original.total);
        t.issuedOn = LocalDate.of(2025, 3, 10);
        t.cancelsTitreId = original.id;
        t.reason = "Erreur de catégorie : établissement médico-social";
        t.object = "Annulation du titre n° " + original.number + " — " + original.object;
        TitreLine l = new TitreLine();
        l.titre = t;
        l.lineNo = 1;
        l.label = "Annulation du titre n° " + original.number + " : " + t.reason;
        netOfTax(l, original.total);
        t.lines.add(l);
        return t;
    }

    /** A line net of tax: rate 0, TTC = HT, as the ledger stores it. */
    public static void netOfTax(TitreLine l, BigDecimal amount) {
        Vat.LineAmounts a = Vat.line(amount, BillableItem.Taxation.NET_OF_TAX, null);
        l.amount = a.ht();
        l.vatRate = a.rate();
        l.vatAmount = a.vat();
        l.amountTtc = a.ttc();
        l.taxation = a.taxation();
    }

    private static Titre titre(TitreKind kind, String number, BigDecimal total) {
        Titre t = new Titre();
        t.totalHt = total;
        t.totalVat = Vat.ZERO;
        t.id = UUID.randomUUID();
        t.kind = kind;
        t.number = number;
        t.issuer = "RESAH";
        t.fiscalYear = 2025;
        t.issuedOn = LocalDate.of(2025, 1, 2);
        t.dueOn = LocalDate.of(2025, 2, 1);
        t.issuerName = "GIP Resah";
        t.issuerSiret = "13000501000025";
        t.issuerStreet = "47 rue de Charonne";
        t.issuerPostalCode = "75011";
        t.issuerCity = "Paris";
        t.issuerCourt = "Tribunal administratif de Paris";
        t.debtorName = "Département du Pas-de-Calais";
        t.debtorSiret = "22620001300012";
        t.debtorStreet = "Rue Ferdinand Buisson";
        t.debtorPostalCode = "62018";
        t.debtorCity = "Arras cedex 9";
        t.debtorChorusEj = "1300042517";
        t.debtorChorusService = "DSI-ACHATS";
        t.total = total;
        return t;
    }

    /** Worked example 7: the CAIH titre, 1 500,00 HT + 300,00 VAT = 1 800,00 €, and a second line without VAT. */
    public static TitreDocument caihWithVat() {
        BigDecimal ht = new BigDecimal("1500.00");
        BigDecimal rate = new BigDecimal("20.00");
        Vat.LineAmounts amounts = Vat.line(ht, BillableItem.Taxation.BEFORE_VAT, rate);
        BigDecimal vat = amounts.vat();
        TitreDocument.Line so360 = new TitreDocument.Line("CAIH SO360 — tiers bénéficiaire, année 2023", "Grille : tiers bénéficiaire",
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), new BigDecimal("12"), ht,
                "Convention n° 2022-117 signée le 15/12/2022 ; délibération du conseil d'administration du 12/10/2022",
                TitreDocument.Taxation.BEFORE_VAT, ht, rate, vat, ht.add(vat));
        BigDecimal fee = new BigDecimal("250.00");
        TitreDocument.Line feeLine = new TitreDocument.Line("Frais de dossier", "Frais de dossier", null, null, null, null,
                "Délibération du conseil d'administration du 12/10/2022", TitreDocument.Taxation.NET_OF_TAX, fee,
                BigDecimal.ZERO, BigDecimal.ZERO.setScale(2), fee);
        List<TitreDocument.Line> lines = List.of(so360, feeLine);
        SettingsContent base = resah(null);
        SettingsContent caih = new SettingsContent(new SettingsContent.Person("Durand", "Paul", "Président de la CAIH, ordonnateur"),
                new SettingsContent.Person("Petit", "Claire", "Directrice administrative et financière, par délégation"),
                base.executoryFormula(), new SettingsContent.Accountant(SettingsContent.AccountantKind.AGENT_COMPTABLE,
                "Agent comptable de la CAIH", "9 rue des Tuiliers", "69003", "Lyon"),
                "FR533000100629C691000000028", "BDFEFRPPCCT", List.of(PaymentMean.VIREMENT),
                new SettingsContent.Imputation("706", "020", null),
                base.recourse().replace("Paris", "Lyon"), "TVA non applicable, article 261 du CGI");
        return new TitreDocument(TitreDocument.Kind.ORIGINAL, "CAIH-2023-000007", 2023, LocalDate.of(2023, 1, 2),
                LocalDate.of(2023, 2, 21),
                new TitreDocument.Party("CAIH", "Centrale d'Achat de l'Informatique Hospitalière", null, "9 rue des Tuiliers",
                        "69003", "Lyon", "Tribunal administratif de Lyon"),
                new TitreDocument.Debtor("Département du Pas-de-Calais", "22620001300012", "Rue Ferdinand Buisson", "62018",
                        "Arras cedex 9", "1300042517", "DSI-ACHATS"),
                "Contribution 2023 à l'offre CAIH SO360", null, lines, new BigDecimal("1750.00"), vat, new BigDecimal("2050.00"),
                Vat.byRate(List.of(amounts)), true, caih, null);
    }

    /** docs/rules.md, R-7: a reduction of a titre of the closed fiscal year 2024, as a mandat on account 673 in 2025. */
    public static TitreDocument mandate673() {
        BigDecimal amount = new BigDecimal("300.00");
        TitreDocument.Line line = new TitreDocument.Line("Réduction du titre n° RESAH-2024-000311 : erreur de catégorie",
                null, null, null, null, null, "Titre n° RESAH-2024-000311 du 02/01/2024", TitreDocument.Taxation.NET_OF_TAX,
                amount, BigDecimal.ZERO, BigDecimal.ZERO.setScale(2), amount);
        Titre base = workedExample3();
        TitreDocument d = TitreDocuments.of(base, resahRevision(null), null);
        return new TitreDocument(TitreDocument.Kind.MANDATE_673, "RESAH-M673-2025-000003", 2025, LocalDate.of(2025, 3, 10), null,
                d.issuer(), d.debtor(), "Réduction du titre n° RESAH-2024-000311 (exercice clos 2024)",
                "Erreur de catégorie : établissement médico-social", List.of(line), amount, BigDecimal.ZERO.setScale(2), amount,
                List.of(), true, d.settings(),
                new TitreDocument.Original("RESAH-2024-000311", 2024, LocalDate.of(2024, 1, 2), new BigDecimal("600.00"),
                        List.of("Bulletin d'adhésion reçu le 15/01/2019 ; délibération du conseil d'administration du 20/11/2023")));
    }
}
