package fr.centrale.convention.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A subsequent market of a convention under RESAH 2021-046-001 or 2021-047-001 (docs/rules.md, R-9): its "
        + "own period, maximum and execution years; orders count against the market in force, and once exhausted its "
        + "contribution stops after the execution year in progress")
public record SubsequentMarketView(
        @Schema(description = "The convention") UUID conventionId,
        @Schema(description = "1 for the convention's own market, then 2, 3, … opened by NEW_SUBSEQUENT_MARKET amendments",
                example = "1") int seq,
        @Schema(description = "The amendment that opened it; absent for market 1", example = "1") Integer amendmentNumber,
        @Schema(description = "Its execution start", example = "2022-03-01") LocalDate startsOn,
        @Schema(description = "Its end", example = "2026-02-28") LocalDate endsOn,
        @Schema(description = "Its annual contribution per execution year (market 1: the convention's, after tier changes; "
                + "later ones: what the amendment states)", example = "2500.00") BigDecimal annualAmount,
        @Schema(description = "Its maximum, HT over its whole duration; absent when none was stated (carried forward from "
                + "before R-9)", example = "150000.00") BigDecimal maximumAmount,
        @Schema(description = "The orders counted against it (HT); absent for a beneficiary that did not sign (other "
                + "organisations' orders)", example = "90000.00") BigDecimal consumedAmount,
        @Schema(description = "What orders may still reach: maximum − consumed; absent without a maximum, or for a "
                + "beneficiary that did not sign", example = "60000.00") BigDecimal remainingAmount,
        @Schema(description = "Whether its orders reached its maximum (\"épuise ses effets\")") boolean exhausted,
        @Schema(description = "The day it was exhausted", example = "2024-05-02") LocalDate exhaustedOn,
        @Schema(description = "The last day its contribution covers: its end, or when exhausted the end of the execution "
                + "year in progress that day", example = "2025-02-28") LocalDate contributionEndsOn,
        @Schema(description = "Its execution years, each saying whether its contribution is billed") List<Year> executionYears) {

    @Schema(description = "An execution year of a subsequent market")
    public record Year(@Schema(example = "1") int year, @Schema(example = "2022-03-01") LocalDate startsOn,
                       @Schema(example = "2023-02-28") LocalDate endsOn,
                       @Schema(description = "Whether its contribution is billed (false after an exhaustion)") boolean billed) {
    }
}
