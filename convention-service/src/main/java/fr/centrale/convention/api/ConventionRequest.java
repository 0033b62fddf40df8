package fr.centrale.convention.api;

import fr.centrale.convention.ConventionMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "A new convention (DRAFT until signed)")
public record ConventionRequest(
        @NotBlank @Schema(required = true, description = "Offer code or id", example = "RESAH-2021-008-LOT3") String offer,
        @NotNull @Schema(required = true) UUID signatoryId,
        @NotNull @Schema(required = true) ConventionMode mode,
        @NotNull @Schema(required = true, example = "2025-06-30") LocalDate endsOn,
        @NotEmpty @Size(max = 200) @Schema(required = true) List<@NotNull @Valid BeneficiaryRequest> beneficiaries,
        @Positive @Digits(integer = 10, fraction = 2) @Schema(description = "Required when the grid says 'on quote' for this category") BigDecimal negotiatedAnnualAmount,
        @Valid AuthorizingAct authorizingAct,
        @Valid BudgetLine budgetLine,
        @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ./_-]*", message = "must be letters, digits, space, . / _ or -")
        @Schema(description = "The convention's number as the parties gave it, stated on every titre's legal basis "
                + "(docs/rules.md, R-5); unique; absent: CONV-<year>-<serial> is given", example = "CSAC-2024-0153")
        String number,
        @Size(max = 50) @Pattern(regexp = "\\S.*", message = "must not be blank")
        @Schema(description = "Chorus Pro engagement juridique (EJ) of this convention (docs/rules.md, R-3); absent: the "
                + "organisation's applies", example = "EJ-2022-000123") String chorusLegalCommitment,
        @Size(max = 100) @Pattern(regexp = "\\S.*", message = "must not be blank")
        @Schema(description = "Chorus Pro service code of this convention; absent: the organisation's applies",
                example = "SERV-ACHATS") String chorusServiceCode,
        @Positive @Digits(integer = 12, fraction = 2)
        @Schema(description = "Offers billed per subsequent market (RESAH 2021-046-001, 2021-047-001): the maximum (HT) of the "
                + "first subsequent market, stated in the annex (docs/rules.md, R-9: \"Ce montant constitue le maximum du marché "
                + "subséquent\"); absent: the sum of the beneficiaries' maxima when each states one, else none",
                example = "250000.00") BigDecimal subsequentMarketMaximum) {
}
