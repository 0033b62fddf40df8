package fr.centrale.billing.domain;

import fr.centrale.common.organisation.Category;

import java.util.Objects;

/**
 * The category of a debtor as a PES V2 file states it (schemas 5.17, CommunPES.xsd): {@code CatTiers} (catégorie de
 * tiers) and {@code NatJur} (nature juridique), a pair the DGFiP's grid allows, and whether the debtor belongs to the
 * public sector, which sends it the avis des sommes à payer through Chorus Pro (the PES_Facture "ASAP" route) rather
 * than by post.
 *
 * <p>From the organisation categories of membership-service (docs/rules.md, section 2). Where a category may be
 * public or private (an ESMS, a GCSMS, an établissement de santé), the choice below is the common case and is a
 * decision, not a rule of the sources: ESPIC and ESMS are private non-profit bodies (associations, foundations: 60/06),
 * GCSMS and HEALTH_ESTABLISHMENT public ones (29/09, 27/09), OTHER a private company (60/03).
 *
 * @param catTiers     CatTiers: 21 régions, 22 départements, 23 communes, 24 groupements de collectivités,
 *                     27 établissements publics de santé, 29 autres établissements publics, 60 personnes morales de droit privé
 * @param natJur       NatJur: 09 collectivité territoriale / EPL / EPS, 06 association, 03 société
 * @param publicSector a public body: its titres go to Chorus Pro (Edition 02, ASAP CPP)
 */
public record PesTiersCategory(String catTiers, String natJur, boolean publicSector) {

    public PesTiersCategory {
        Objects.requireNonNull(catTiers, "catTiers");
        Objects.requireNonNull(natJur, "natJur");
    }

    private static final PesTiersCategory LOCAL_PUBLIC = new PesTiersCategory("29", "09", true);

    public static PesTiersCategory of(Category category) {
        Objects.requireNonNull(category, "category");
        return switch (category) {
            case REGION -> new PesTiersCategory("21", "09", true);
            case DEPARTEMENT -> new PesTiersCategory("22", "09", true);
            case COMMUNE -> new PesTiersCategory("23", "09", true);
            case METROPOLE, COMMUNAUTE_URBAINE, COMMUNAUTE_AGGLOMERATION, COMMUNAUTE_COMMUNES -> new PesTiersCategory("24", "09", true);
            // a GHT has no legal personality: its support establishment, an EPS, is billed
            case EPS, GHT, HEALTH_ESTABLISHMENT -> new PesTiersCategory("27", "09", true);
            case SDIS, OPH, GCSMS -> LOCAL_PUBLIC;
            case ESPIC, ESMS -> new PesTiersCategory("60", "06", false);
            case OTHER -> new PesTiersCategory("60", "03", false);
        };
    }

    /** The category named as membership-service names it ({@code DEPARTEMENT}...); empty for an unknown name. */
    public static java.util.Optional<PesTiersCategory> of(String category) {
        if (category == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(of(Category.valueOf(category.strip().toUpperCase(java.util.Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
