package fr.centrale.billing.domain;

import fr.centrale.common.problem.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * What one revision of an issuer's settings states (docs/rules.md, R-4 and R-5), and its checks: the officer
 * (nom, prénoms, qualité) and the delegate when the bordereau is signed by delegation; the executory formula of
 * the issuer's regime; how to pay (the comptable, IBAN, BIC, accepted means); the issuer's budget imputation;
 * the voies et délais de recours; the mention printed where no VAT applies.
 */
public record SettingsContent(
        @Schema(description = "The ordonnateur who renders the titres executory") Person officer,
        @Schema(description = "Who signs by delegation of the officer, if anyone; send {} to remove") Person delegate,
        @Schema(description = "The executory formula of the issuer's regime",
                example = "Titre exécutoire en application de l'article L. 252 A du livre des procédures fiscales")
        String executoryFormula,
        @Schema(description = "The comptable public or agent comptable who collects the titres") Accountant accountant,
        @Schema(description = "IBAN of the accountant's account (ISO 13616)", example = "FR7630001007941234567890185") String iban,
        @Schema(description = "BIC of its bank (ISO 9362)", example = "BDFEFRPPCCT") String bic,
        @Schema(description = "Accepted means of payment") List<PaymentMean> paymentMeans,
        @Schema(description = "The issuer's budget imputation of the receipts") Imputation imputation,
        @Schema(description = "Voies et délais de recours: two months from receipt before the issuer's court, the "
                + "action suspends the executory force, contests of enforcement acts go to the juge de l'exécution")
        String recourse,
        @Schema(description = "Printed where no VAT applies", example = "TVA non applicable, article 256 B du CGI")
        String noVatMention,
        @Schema(description = "The codes Hélios knows the issuer by, for its PES V2 files (bordereaux of titres); absent until "
                + "the issuer gives them. Send null or omit to keep those in force.")
        Helios helios) {

    /** The content without Hélios codes (as before PES V2). */
    public SettingsContent(Person officer, Person delegate, String executoryFormula, Accountant accountant, String iban,
                           String bic, List<PaymentMean> paymentMeans, Imputation imputation, String recourse,
                           String noVatMention) {
        this(officer, delegate, executoryFormula, accountant, iban, bic, paymentMeans, imputation, recourse, noVatMention, null);
    }

    /**
     * The identifiers of the issuer's budget in Hélios, the comptable public's application, that every PES V2 file
     * states in its {@code EnTetePES}, and the local product code of its titres' lines (PES V2 schemas 5.17,
     * Class_EntetePES.xsd and Class_LigneTitreAller.xsd).
     *
     * @param postingCode         IdPost: the poste comptable's codique, 6 or 7 digits (or 02A/02B and 3-4 digits)
     * @param collectivityId      IdColl: the SIRET of the budget collectivité (14 digits)
     * @param collectivityCode    CodCol: the code collectivité, 3 digits
     * @param budgetCode          CodBud: the code budget, 2 characters (a digit or capital, then a digit)
     * @param productCode         CodProdLoc: the local product code of the titres' lines, 1 to 4 letters or digits
     * @param postingLabel        LibellePoste, optional: the poste's short name (at most 38)
     * @param budgetLabel         LibelleColBud, optional: the budget's name (at most 38)
     */
    public record Helios(
            @Schema(description = "IdPost: codique of the poste comptable (6-7 digits)", example = "062009") String postingCode,
            @Schema(description = "IdColl: SIRET of the budget collectivité", example = "25620103500016") String collectivityId,
            @Schema(description = "CodCol: code collectivité (3 digits)", example = "123") String collectivityCode,
            @Schema(description = "CodBud: code budget (2 characters)", example = "01") String budgetCode,
            @Schema(description = "CodProdLoc: local product code of the lines (1-4 letters or digits)", example = "CTB") String productCode,
            @Schema(description = "LibellePoste: short name of the poste (optional)", example = "SGC ARRAS") String postingLabel,
            @Schema(description = "LibelleColBud: name of the budget (optional)", example = "BUDGET PRINCIPAL") String budgetLabel) {

        /** Every field at fault (PES V2 5.17 patterns), named under {@code helios.}. */
        void problems(List<FieldError> errors) {
            pattern(errors, "helios.postingCode", postingCode, "02[AB][0-9]{3,4}|[0-9]{6,7}", "6 or 7 digits (or 02A/02B and 3 or 4 digits)");
            pattern(errors, "helios.collectivityId", collectivityId, "[0-9]{14}", "14 digits (the SIRET of the budget)");
            pattern(errors, "helios.collectivityCode", collectivityCode, "[0-9]{3}", "3 digits");
            pattern(errors, "helios.budgetCode", budgetCode, "[0-9A-Z][0-9]", "2 characters: a digit or capital letter, then a digit");
            pattern(errors, "helios.productCode", productCode, "[0-9a-zA-Z]{1,4}", "1 to 4 letters or digits");
            if (postingLabel != null && postingLabel.length() > 38) {
                errors.add(new FieldError("helios.postingLabel", "must be at most 38 characters"));
            }
            if (budgetLabel != null && budgetLabel.length() > 38) {
                errors.add(new FieldError("helios.budgetLabel", "must be at most 38 characters"));
            }
        }

        private static void pattern(List<FieldError> errors, String field, String value, String regex, String what) {
            if (blank(value)) {
                errors.add(new FieldError(field, "is required: " + what));
            } else if (!value.strip().matches(regex)) {
                errors.add(new FieldError(field, "must be " + what));
            }
        }
    }

    /** A person who signs: nom, prénom(s), qualité. */
    public record Person(@Schema(example = "Martin") String name, @Schema(example = "Marie") String firstNames,
                         @Schema(example = "Directrice générale, ordonnatrice") String title) {
    }

    /** A person with neither name, first names nor title ({@code "delegate": {}} removes the delegate). A static method,
     * not a getter: as {@code isEmpty()} it showed as a property "empty" in the OpenAPI document. */
    static boolean unnamed(Person p) {
        return blank(p.name()) && blank(p.firstNames()) && blank(p.title());
    }

    public enum AccountantKind { COMPTABLE_PUBLIC, AGENT_COMPTABLE }

    public record Accountant(AccountantKind kind, @Schema(example = "Agent comptable du GIP Resah") String name,
                             String street, String postalCode, String city) {
    }

    /** Where the issuer books the receipt: nature (account), and fonction or service. */
    public record Imputation(@Schema(example = "7588") String nature, @Schema(example = "020") String function,
                             @Schema(example = "Contributions des adhérents") String service) {
    }

    /** The same content with a delegate that is all blank taken as none, the IBAN and BIC in electronic form. */
    public SettingsContent normalized() {
        return new SettingsContent(officer, delegate == null || unnamed(delegate) ? null : delegate, executoryFormula,
                accountant, Iban.normalize(iban), Bic.normalize(bic), paymentMeans, imputation, recourse, noVatMention, helios);
    }

    /** Every field at fault, each named by its JSON path; empty when the content can be a revision. */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        person(errors, "officer", officer, true);
        person(errors, "delegate", delegate, false);
        text(errors, "executoryFormula", executoryFormula, 2000);
        if (accountant == null) {
            errors.add(new FieldError("accountant", "is required"));
        } else {
            if (accountant.kind() == null) {
                errors.add(new FieldError("accountant.kind", "is required: COMPTABLE_PUBLIC or AGENT_COMPTABLE"));
            }
            text(errors, "accountant.name", accountant.name(), 255);
            text(errors, "accountant.city", accountant.city(), 255);
        }
        Iban.problem(iban).ifPresent(m -> errors.add(new FieldError("iban", m)));
        Bic.problem(bic).ifPresent(m -> errors.add(new FieldError("bic", m)));
        if (paymentMeans == null || paymentMeans.isEmpty() || paymentMeans.stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new FieldError("paymentMeans", "must name at least one accepted means, e.g. VIREMENT"));
        }
        if (imputation == null) {
            errors.add(new FieldError("imputation", "is required"));
        } else {
            text(errors, "imputation.nature", imputation.nature(), 20);
            if (blank(imputation.function()) && blank(imputation.service())) {
                errors.add(new FieldError("imputation.function", "a fonction or a service is required"));
            }
        }
        text(errors, "recourse", recourse, 4000);
        text(errors, "noVatMention", noVatMention, 255);
        if (helios != null) {
            helios.problems(errors);
        }
        return errors;
    }

    private static void person(List<FieldError> errors, String field, Person p, boolean required) {
        if (p == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return;
        }
        text(errors, field + ".name", p.name(), 120);
        text(errors, field + ".firstNames", p.firstNames(), 120);
        text(errors, field + ".title", p.title(), 255);
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (blank(value)) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
