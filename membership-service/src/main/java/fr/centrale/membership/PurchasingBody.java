package fr.centrale.membership;

import fr.centrale.common.organisation.Category;
import fr.centrale.membership.domain.AdmissionRules;
import fr.centrale.membership.domain.Franchise;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A centrale d'achat: RESAH, CAIH, La Fibre Numérique 59 62 or one added through the API. */
@Entity
@Table(name = "purchasing_body")
public class PurchasingBody extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Natural code, accepted wherever an id is (RESAH, CAIH, FIBRE5962). */
    public String code;
    public String name;
    public String siret;
    public String street;
    @Column(name = "postal_code")
    public String postalCode;
    public String city;
    @Column(name = "payment_term_days")
    public int paymentTermDays;

    @Enumerated(EnumType.STRING)
    public RenewalModel renewal;
    @Column(name = "termination_notice_months")
    public Integer terminationNoticeMonths;

    /** Comma-separated categories eligible to membership; null or empty = every category. */
    @Column(name = "member_categories")
    public String memberCategories;
    @Column(name = "third_party_allowed")
    public boolean thirdPartyAllowed;
    /** Comma-separated départements where members must be located; null or empty = anywhere. */
    public String territory;

    @Column(name = "franchise_window_start")
    public LocalDate franchiseWindowStart;
    @Column(name = "franchise_years")
    public Integer franchiseYears;
    /** docs/rules.md, R-14: last day of the franchise, the end of the markets concluded in the centre's first year. */
    @Column(name = "franchise_ends_on")
    public LocalDate franchiseEndsOn;

    /** Competent court for the voies et délais de recours printed on titres. */
    public String court;

    @Version
    public long version;

    public AdmissionRules admissionRules() {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String c : split(memberCategories)) {
            categories.add(Category.valueOf(c));
        }
        return new AdmissionRules(categories, thirdPartyAllowed, Set.copyOf(split(territory)));
    }

    public Franchise franchise() {
        return franchiseWindowStart == null || franchiseYears == null ? null
                : new Franchise(franchiseWindowStart, franchiseYears, franchiseEndsOn);
    }

    public static String join(Set<?> values) {
        return values == null || values.isEmpty() ? null
                : values.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
    }

    private static Set<String> split(String csv) {
        return csv == null || csv.isBlank() ? Set.of()
                : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
