package fr.centrale.convention.api;

import fr.centrale.common.organisation.Category;
import fr.centrale.convention.domain.TariffLine;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Set;

@Schema(description = "One row of a tariff grid; the rows are tried in the order given and the first that matches wins")
public record TariffRowRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,64}", message = "must be 1 to 64 capitals, digits or _")
        @Schema(required = true, description = "Stable name of the row, the convention's tier", example = "DEPARTEMENT") String code,
        @NotNull @Schema(required = true, description = "CATEGORY: an organisation alone, by category (communes by population); "
                + "GROUP: a purchasing group, by number of beneficiaries; SIZE_CLASS: an establishment by beds/places or employees (CAIH)")
        TariffLine.Kind kind,
        @Size(max = 16) @Schema(description = "Categories the row applies to (CATEGORY rows)", example = "[\"DEPARTEMENT\"]")
        Set<@NotNull Category> categories,
        @PositiveOrZero @Schema(description = "Lower bound, included: beneficiaries (GROUP), inhabitants (a COMMUNE row), "
                + "beds/places or employees (SIZE_CLASS)", example = "5") Integer min,
        @PositiveOrZero @Schema(description = "Upper bound, included; none when absent", example = "9") Integer max,
        @PositiveOrZero @Digits(integer = 10, fraction = 2)
        @Schema(description = "Annual amount in euros net of tax; absent or null when the row is on quote (\"Nous contacter\")",
                example = "2500.00") BigDecimal amount,
        @NotBlank @Size(max = 255) @Schema(required = true, description = "The row as the grid prints it", example = "Départements")
        String label) {
}
