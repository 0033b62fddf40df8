package fr.centrale.convention.api;

import fr.centrale.convention.AmendmentType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "An avenant")
public record AmendmentRequest(
        @NotNull @Schema(required = true) AmendmentType type,
        @NotNull @Schema(required = true, description = "Date of making available stated in the amendment", example = "2024-09-01") LocalDate effectiveOn,
        @NotNull @Schema(required = true, example = "2024-08-20") LocalDate signedOn,
        @Schema(description = "ADD_BENEFICIARY and INCREASE_MAXIMUM: the beneficiary") UUID organisationId,
        @Schema(description = "ADD_BENEFICIARY: its start (default effectiveOn); NEW_SUBSEQUENT_MARKET: the market's start") LocalDate startsOn,
        @Schema(description = "NEW_SUBSEQUENT_MARKET: the market's end (default the convention's end); ADD_BENEFICIARY: the "
                + "added beneficiary's own end, after which nothing is billed for it (docs/rules.md, R-13; default the "
                + "convention's end)") LocalDate endsOn,
        @Positive @Digits(integer = 12, fraction = 2) @Schema(description = "ADD_BENEFICIARY: its maximum; INCREASE_MAXIMUM: the new "
                + "maximum; NEW_SUBSEQUENT_MARKET: the new market's own maximum, HT over its whole duration "
                + "(docs/rules.md, R-9; state it: without it the market has no maximum and is never exhausted)", example = "120000.00") BigDecimal maximumAmount,
        @Positive @Digits(integer = 10, fraction = 2) @Schema(description = "NEW_SUBSEQUENT_MARKET: the annual contribution the amendment states") BigDecimal amount,
        @Size(max = 50) @Pattern(regexp = "\\S.*", message = "must not be blank")
        @Schema(description = "The amendment's own Chorus Pro engagement juridique: items issued from `effectiveOn` carry it "
                + "(docs/rules.md, R-3); absent: the convention's", example = "EJ-2024-000456") String chorusLegalCommitment,
        @Size(max = 100) @Pattern(regexp = "\\S.*", message = "must not be blank")
        @Schema(description = "The amendment's own Chorus Pro service code, from `effectiveOn`; absent: the convention's",
                example = "SERV-DSI") String chorusServiceCode,
        @Size(max = 200)
        @Schema(description = "ADD_BENEFICIARY where beneficiaries pay their own shares (required there, refused elsewhere): "
                + "every beneficiary's new share of the annual amount, the added one's included; they add up to the annual "
                + "amount, and titres issued from `effectiveOn` follow them (docs/rules.md, R-11)")
        List<@NotNull @Valid ShareRequest> shares,
        @Schema(description = "ADD_BENEFICIARY where beneficiaries pay their own shares: who pays the complementary "
                + "contribution (the signatory or a beneficiary, the added one included); absent: the signatory "
                + "(docs/rules.md, R-11)") UUID complementPayerId) {
}
