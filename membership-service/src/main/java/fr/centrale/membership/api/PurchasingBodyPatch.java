package fr.centrale.membership.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "Fields to change; absent fields are left as they are")
public record PurchasingBodyPatch(
        @Size(min = 1, max = 255) String name,
        @Valid Address address,
        @Min(0) @Max(365) Integer paymentTermDays,
        @Min(0) @Max(36) Integer terminationNoticeMonths,
        @Size(max = 255) String court,
        @Valid FranchiseWindow franchise,
        @Schema(description = "docs/rules.md, R-14: last day of the La Fibre franchise, the end of the markets concluded in the "
                + "centre's first year; members who joined in the window pay no participation until then", example = "2027-01-31")
        LocalDate franchiseEndsOn,
        Long version) {

    @Schema(description = "La Fibre 59 62 window to subscribe with the franchise (article 7): it opens on windowStart and lasts years")
    public record FranchiseWindow(LocalDate windowStart, @Min(1) @Max(10) Integer years) {
    }
}
