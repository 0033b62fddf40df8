package fr.centrale.convention.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Imputation budgétaire of the debtor")
public record BudgetLine(
        @Size(max = 100) @Schema(example = "C06-020N02") String operation,
        @Size(max = 100) @Schema(example = "6228//93020") String account) {
}
