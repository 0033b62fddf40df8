package fr.centrale.membership.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.common.organisation.Category;
import fr.centrale.membership.PurchasingBody;
import fr.centrale.membership.RenewalModel;
import fr.centrale.membership.domain.AdmissionRules;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record PurchasingBodyView(UUID id, String code, String name, String siret, Address address,
                                 int paymentTermDays, RenewalModel renewal, Integer terminationNoticeMonths,
                                 Set<Category> memberCategories, boolean thirdPartyAllowed, Set<String> territory,
                                 Franchise franchise, String court, long version) {

    public record Franchise(LocalDate windowStart, LocalDate windowEnd, int years) {
    }

    public static PurchasingBodyView of(PurchasingBody b) {
        AdmissionRules rules = b.admissionRules();
        Franchise franchise = b.franchise() == null ? null
                : new Franchise(b.franchiseWindowStart, b.franchise().windowEnd(), b.franchiseYears);
        return new PurchasingBodyView(b.id, b.code, b.name, b.siret, new Address(b.street, b.postalCode, b.city),
                b.paymentTermDays, b.renewal, b.terminationNoticeMonths, rules.memberCategories(),
                b.thirdPartyAllowed, rules.territory(), franchise, b.court, b.version);
    }
}
