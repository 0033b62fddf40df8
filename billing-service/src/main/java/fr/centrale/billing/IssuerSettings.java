package fr.centrale.billing;

import fr.centrale.billing.domain.PaymentMean;
import fr.centrale.billing.domain.SettingsContent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * One revision of an issuer's settings (docs/rules.md, R-4 and R-5): who signs its titres, and what they state
 * (executory formula, how to pay, budget imputation, recourse, no-VAT mention), valid from a date. Append-only:
 * an edit is a new revision, and the database refuses any change, so a titre that references its revision
 * ({@code titre.settings_revision_id}) states the same officer and mentions at every reprint.
 */
@Entity
@Immutable
@Table(name = "issuer_settings")
public class IssuerSettings extends PanacheEntityBase {

    /** The issuer code whose revisions apply to any issuer that has none of its own. */
    public static final String DEFAULT_ISSUER = "DEFAULT";

    @Id
    public UUID id;
    public String issuer;
    public int revision;
    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "officer_name")
    public String officerName;
    @Column(name = "officer_first_names")
    public String officerFirstNames;
    @Column(name = "officer_title")
    public String officerTitle;
    @Column(name = "delegate_name")
    public String delegateName;
    @Column(name = "delegate_first_names")
    public String delegateFirstNames;
    @Column(name = "delegate_title")
    public String delegateTitle;

    @Column(name = "executory_formula")
    public String executoryFormula;

    @Column(name = "accountant_kind")
    public String accountantKind;
    @Column(name = "accountant_name")
    public String accountantName;
    @Column(name = "accountant_street")
    public String accountantStreet;
    @Column(name = "accountant_postal_code")
    public String accountantPostalCode;
    @Column(name = "accountant_city")
    public String accountantCity;
    public String iban;
    public String bic;
    @Column(name = "payment_means")
    public String[] paymentMeans;

    @Column(name = "imputation_nature")
    public String imputationNature;
    @Column(name = "imputation_function")
    public String imputationFunction;
    @Column(name = "imputation_service")
    public String imputationService;

    public String recourse;
    @Column(name = "no_vat_mention")
    public String noVatMention;

    /** Hélios codes for PES V2 (all null until the issuer gives them; V11). */
    @Column(name = "helios_posting_code")
    public String heliosPostingCode;
    @Column(name = "helios_collectivity_id")
    public String heliosCollectivityId;
    @Column(name = "helios_collectivity_code")
    public String heliosCollectivityCode;
    @Column(name = "helios_budget_code")
    public String heliosBudgetCode;
    @Column(name = "helios_product_code")
    public String heliosProductCode;
    @Column(name = "helios_posting_label")
    public String heliosPostingLabel;
    @Column(name = "helios_budget_label")
    public String heliosBudgetLabel;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public SettingsContent content() {
        return new SettingsContent(
                new SettingsContent.Person(officerName, officerFirstNames, officerTitle),
                delegateName == null ? null : new SettingsContent.Person(delegateName, delegateFirstNames, delegateTitle),
                executoryFormula,
                new SettingsContent.Accountant(SettingsContent.AccountantKind.valueOf(accountantKind), accountantName,
                        accountantStreet, accountantPostalCode, accountantCity),
                iban, bic,
                Arrays.stream(paymentMeans).map(PaymentMean::valueOf).toList(),
                new SettingsContent.Imputation(imputationNature, imputationFunction, imputationService),
                recourse, noVatMention,
                heliosPostingCode == null ? null : new SettingsContent.Helios(heliosPostingCode, heliosCollectivityId,
                        heliosCollectivityCode, heliosBudgetCode, heliosProductCode, heliosPostingLabel, heliosBudgetLabel));
    }

    /** A new revision stating {@code c} (already checked and normalized). */
    public static IssuerSettings of(String issuer, int revision, LocalDate validFrom, SettingsContent c, String by) {
        IssuerSettings s = new IssuerSettings();
        s.id = UUID.randomUUID();
        s.issuer = issuer;
        s.revision = revision;
        s.validFrom = validFrom;
        s.officerName = c.officer().name().strip();
        s.officerFirstNames = c.officer().firstNames().strip();
        s.officerTitle = c.officer().title().strip();
        if (c.delegate() != null) {
            s.delegateName = c.delegate().name().strip();
            s.delegateFirstNames = c.delegate().firstNames().strip();
            s.delegateTitle = c.delegate().title().strip();
        }
        s.executoryFormula = c.executoryFormula().strip();
        s.accountantKind = c.accountant().kind().name();
        s.accountantName = c.accountant().name().strip();
        s.accountantStreet = strip(c.accountant().street());
        s.accountantPostalCode = strip(c.accountant().postalCode());
        s.accountantCity = strip(c.accountant().city());
        s.iban = c.iban();
        s.bic = c.bic();
        s.paymentMeans = c.paymentMeans().stream().distinct().map(Enum::name).toArray(String[]::new);
        s.imputationNature = c.imputation().nature().strip();
        s.imputationFunction = strip(c.imputation().function());
        s.imputationService = strip(c.imputation().service());
        s.recourse = c.recourse().strip();
        s.noVatMention = c.noVatMention().strip();
        if (c.helios() != null) {
            s.heliosPostingCode = c.helios().postingCode().strip();
            s.heliosCollectivityId = c.helios().collectivityId().strip();
            s.heliosCollectivityCode = c.helios().collectivityCode().strip();
            s.heliosBudgetCode = c.helios().budgetCode().strip();
            s.heliosProductCode = c.helios().productCode().strip();
            s.heliosPostingLabel = strip(c.helios().postingLabel());
            s.heliosBudgetLabel = strip(c.helios().budgetLabel());
        }
        s.createdAt = Instant.now();
        s.createdBy = by;
        return s;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
