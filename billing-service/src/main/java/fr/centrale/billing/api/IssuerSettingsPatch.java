package fr.centrale.billing.api;

import fr.centrale.billing.domain.PaymentMean;
import fr.centrale.billing.domain.SettingsContent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A change of an issuer's settings: a new revision valid from {@code validFrom} (default today), stating the fields
 * given and, for the others, what the revision in force on that date states. Nested objects are replaced whole.
 */
@Schema(name = "IssuerSettingsPatch")
public record IssuerSettingsPatch(
        @Schema(description = "First day the new revision is in force; default today (Europe/Paris); not in the past",
                example = "2027-01-01") LocalDate validFrom,
        SettingsContent.Person officer,
        @Schema(description = "The delegate who signs for the officer; {} removes it") SettingsContent.Person delegate,
        String executoryFormula,
        SettingsContent.Accountant accountant,
        @Schema(example = "FR7630001007941234567890185") String iban,
        @Schema(example = "BDFEFRPPCCT") String bic,
        List<PaymentMean> paymentMeans,
        SettingsContent.Imputation imputation,
        String recourse,
        String noVatMention,
        @Schema(description = "Hélios codes for the PES V2 files; replaced whole") SettingsContent.Helios helios,
        @Schema(description = "The `version` read (the issuer's highest revision; 0 for an issuer without settings)",
                required = true, example = "1") Long version) {

    /** What the new revision states: the fields given, the others from {@code base} (null: none). */
    public SettingsContent over(SettingsContent base) {
        SettingsContent b = base == null
                ? new SettingsContent(null, null, null, null, null, null, null, null, null, null, null) : base;
        return new SettingsContent(
                officer != null ? officer : b.officer(),
                delegate != null ? delegate : b.delegate(),
                executoryFormula != null ? executoryFormula : b.executoryFormula(),
                accountant != null ? accountant : b.accountant(),
                iban != null ? iban : b.iban(),
                bic != null ? bic : b.bic(),
                paymentMeans != null ? paymentMeans : b.paymentMeans(),
                imputation != null ? imputation : b.imputation(),
                recourse != null ? recourse : b.recourse(),
                noVatMention != null ? noVatMention : b.noVatMention(),
                helios != null ? helios : b.helios()).normalized();
    }
}
