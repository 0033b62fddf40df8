package fr.centrale.membership.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.common.organisation.Category;
import fr.centrale.membership.PurchasingBody;
import fr.centrale.membership.RenewalModel;
import fr.centrale.membership.domain.AdmissionRules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record PurchasingBodyView(UUID id, String code, String name, String siret, Address address,
                                 int paymentTermDays, RenewalModel renewal, Integer terminationNoticeMonths,
                                 Set<Category> memberCategories, boolean thirdPartyAllowed, Set<String> territory,
                                 Franchise franchise,
                                 @Schema(description = "docs/rules.md, R-14: last day of the franchise (La Fibre: 2027-01-31, the end of "
                                         + "the markets concluded in the centre's first year)", example = "2027-01-31")
                                 LocalDate franchiseEndsOn,
                                 String court, long version) {

    @Schema(description = "The window to subscribe with the franchise (seed 003, art. 7: the two years after deliberation 2022-03)")
    public record Franchise(
            LocalDate windowStart,
            @Schema(description = "Last day of the window to subscribe. Superseded as the franchise's end (which it was before "
                    + "docs/rules.md, R-14) by `franchiseEndsOn`; kept for the clients that read it", example = "2024-01-18")
            LocalDate windowEnd,
            int years) {
    }

    public static PurchasingBodyView of(PurchasingBody b) {
        AdmissionRules rules = b.admissionRules();
        Franchise franchise = b.franchise() == null ? null
                : new Franchise(b.franchiseWindowStart, b.franchise().windowEnd(), b.franchiseYears);
        return new PurchasingBodyView(b.id, b.code, b.name, b.siret, new Address(b.street, b.postalCode, b.city),
                b.paymentTermDays, b.renewal, b.terminationNoticeMonths, rules.memberCategories(),
                b.thirdPartyAllowed, rules.territory(), franchise, b.franchiseEndsOn, b.court, b.version);
    }
}
