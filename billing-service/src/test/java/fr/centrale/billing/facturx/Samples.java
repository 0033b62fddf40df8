package fr.centrale.billing.facturx;

import fr.centrale.billing.facturx.FacturXInvoice.Address;
import fr.centrale.billing.facturx.FacturXInvoice.Buyer;
import fr.centrale.billing.facturx.FacturXInvoice.DocumentType;
import fr.centrale.billing.facturx.FacturXInvoice.Line;
import fr.centrale.billing.facturx.FacturXInvoice.PrecedingInvoice;
import fr.centrale.billing.facturx.FacturXInvoice.Seller;
import fr.centrale.billing.facturx.FacturXInvoice.VatCategory;
import fr.centrale.billing.facturx.FacturXInvoice.VatTotal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The four kinds of titre as Factur-X invoices, after docs/rules.md worked example 7: the CAIH titre
 * (1 500,00 HT + 300,00 VAT = 1 800,00) and the RESAH titre (1 000,00, no VAT) of the Communauté
 * d'Agglomération de Béthune-Bruay, a cancellation of the first and a reduction of the second.
 */
final class Samples {

    static final String NO_VAT_MENTION = "TVA non applicable, article 256 B du CGI";
    static final String BUYER_SIRET = "20007246000013";
    static final String EJ = "1300012345";
    static final String SERVICE_CODE = "DSI-ACHATS";

    static final Address BETHUNE = new Address("100 avenue de Londres", "CS 40548", "62411", "Béthune cedex", "FR");
    static final Buyer BUYER = new Buyer("Communauté d'Agglomération de Béthune-Bruay, Artois-Lys Romane",
            BUYER_SIRET, BETHUNE, SERVICE_CODE);

    static final Seller CAIH = new Seller("CAIH - Centrale d'Achat de l'Informatique Hospitalière", "77501190000013",
            new Address("9 rue des Tuiliers", null, "69003", "Lyon", "FR"), "FR12775011900",
            "FR8010071750000000100016789", "TRPUFRP1", "Agent comptable de la CAIH");
    static final Seller RESAH = new Seller("RESAH", "13000501000025",
            new Address("47 rue de Charonne", null, "75011", "Paris", "FR"), null,
            "FR3510071690000000100012345", "TRPUFRP1", "Agent comptable du RESAH");

    static final LocalDate CAIH_ISSUED = LocalDate.of(2022, 12, 15);
    static final LocalDate RESAH_ISSUED = LocalDate.of(2022, 12, 16);

    private Samples() {
    }

    /** The CAIH titre: SO360, 1 500,00 HT at 20 %. */
    static FacturXInvoice invoiceWithVat() {
        Line line = new Line("1", "SO360 - contribution annuelle (bénéficiaire tiers)", CAIH_ISSUED,
                LocalDate.of(2023, 12, 14), eur("1500.00"), VatCategory.STANDARD, new BigDecimal("20"));
        return new FacturXInvoice("CAIH-2022-00042", DocumentType.INVOICE, CAIH_ISSUED, CAIH_ISSUED.plusDays(30),
                CAIH, BUYER, EJ, null, List.of(line),
                List.of(new VatTotal(VatCategory.STANDARD, new BigDecimal("20.00"), eur("1500.00"), eur("300.00"), null)),
                eur("1500.00"), eur("300.00"), eur("1800.00"), eur("1800.00"),
                "À payer à réception, par virement à l'agent comptable de la CAIH",
                List.of("Titre de recettes exécutoire en application de l'article L. 252 A du livre des procédures fiscales"));
    }

    /** The RESAH titre: 2020-027 Sécurité, 1 000,00, not subject to VAT. */
    static FacturXInvoice invoiceWithoutVat() {
        Line line = new Line("1", "2020-027 Sécurité - contribution annuelle", RESAH_ISSUED,
                LocalDate.of(2023, 12, 15), eur("1000.00"), VatCategory.NOT_SUBJECT_TO_VAT, null);
        return new FacturXInvoice("RESAH-2022-00007", DocumentType.INVOICE, RESAH_ISSUED, RESAH_ISSUED.plusDays(30),
                RESAH, BUYER, EJ, null, List.of(line),
                List.of(new VatTotal(VatCategory.NOT_SUBJECT_TO_VAT, null, eur("1000.00"), eur("0.00"), NO_VAT_MENTION)),
                eur("1000.00"), eur("0.00"), eur("1000.00"), eur("1000.00"),
                "À payer dans les 30 jours, par virement à l'agent comptable du RESAH",
                List.of(NO_VAT_MENTION, "Voies et délais de recours : deux mois à compter de la réception"));
    }

    /** A titre d'annulation of the whole CAIH titre. */
    static FacturXInvoice cancellation() {
        Line line = new Line("1", "Annulation du titre CAIH-2022-00042 : SO360", CAIH_ISSUED,
                LocalDate.of(2023, 12, 14), eur("1500.00"), VatCategory.STANDARD, new BigDecimal("20.00"));
        return new FacturXInvoice("CAIH-2023-00003", DocumentType.CREDIT_NOTE, LocalDate.of(2023, 1, 20), null,
                CAIH, BUYER, EJ, new PrecedingInvoice("CAIH-2022-00042", CAIH_ISSUED), List.of(line),
                List.of(new VatTotal(VatCategory.STANDARD, new BigDecimal("20.00"), eur("1500.00"), eur("300.00"), null)),
                eur("1500.00"), eur("300.00"), eur("1800.00"), eur("1800.00"),
                "Annulation : aucun paiement à effectuer",
                List.of("Titre d'annulation du titre CAIH-2022-00042 : erreur sur le débiteur"));
    }

    /** A titre de réduction of the RESAH titre by 250,00. */
    static FacturXInvoice reduction() {
        Line line = new Line("1", "Réduction du titre RESAH-2022-00007 : 2020-027 Sécurité", null, null,
                eur("250.00"), VatCategory.NOT_SUBJECT_TO_VAT, null);
        return new FacturXInvoice("RESAH-2023-00002", DocumentType.CREDIT_NOTE, LocalDate.of(2023, 2, 1), null,
                RESAH, BUYER, EJ, new PrecedingInvoice("RESAH-2022-00007", RESAH_ISSUED), List.of(line),
                List.of(new VatTotal(VatCategory.NOT_SUBJECT_TO_VAT, null, eur("250.00"), eur("0.00"), NO_VAT_MENTION)),
                eur("250.00"), eur("0.00"), eur("250.00"), eur("250.00"),
                "Réduction : le reste dû est diminué d'autant",
                List.of(NO_VAT_MENTION, "Titre de réduction du titre RESAH-2022-00007 : adhésion au prorata"));
    }

    static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }
}
