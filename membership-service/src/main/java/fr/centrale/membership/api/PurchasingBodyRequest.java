package fr.centrale.membership.api;

import fr.centrale.common.organisation.Category;
import fr.centrale.membership.RenewalModel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

@Schema(description = "A new purchasing body")
public record PurchasingBodyRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9_-]{2,32}", message = "must be 2 to 32 capitals, digits, _ or -") @Schema(required = true, example = "UGAP") String code,
        @NotBlank @Size(max = 255) @Schema(required = true, example = "Union des groupements d'achats publics") String name,
        @Schema(example = "180 070 025 00011") String siret,
        @NotNull @Valid @Schema(required = true) Address address,
        @NotNull @Min(0) @Max(365) @Schema(required = true, example = "30") Integer paymentTermDays,
        @Schema(description = "Default INDEFINITE") RenewalModel renewal,
        @Min(0) @Max(36) @Schema(description = "Notice before a termination takes effect (INDEFINITE)", example = "3") Integer terminationNoticeMonths,
        @Schema(description = "Categories eligible to membership; empty = all") Set<Category> memberCategories,
        @Schema(description = "Whether organisations not eligible may be third-party beneficiaries") Boolean thirdPartyAllowed,
        @Schema(description = "Départements where members must be located; empty = anywhere") Set<@Pattern(regexp = "\\d{2,3}|2A|2B") String> territory,
        @Size(max = 255) @Schema(description = "Competent administrative court", example = "Tribunal administratif de Paris") String court) {
}
