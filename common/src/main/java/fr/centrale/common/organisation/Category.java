package fr.centrale.common.organisation;

import java.util.EnumSet;
import java.util.Set;

/** The typology the tariff grids use (docs/rules.md, section 2). */
public enum Category {
    REGION, DEPARTEMENT, METROPOLE, COMMUNAUTE_URBAINE, COMMUNAUTE_AGGLOMERATION, COMMUNAUTE_COMMUNES,
    COMMUNE, EPS, ESPIC, SDIS, OPH, GCSMS, ESMS, GHT, HEALTH_ESTABLISHMENT, OTHER;

    /** Local authorities ("collectivités") and their public establishments (La Fibre 59 62). */
    public static final Set<Category> LOCAL_AUTHORITIES_AND_THEIR_ESTABLISHMENTS = EnumSet.of(
            REGION, DEPARTEMENT, METROPOLE, COMMUNAUTE_URBAINE, COMMUNAUTE_AGGLOMERATION, COMMUNAUTE_COMMUNES,
            COMMUNE, SDIS, OPH);

    /** Local authorities ("collectivités territoriales" and their groupings with own taxation). */
    public static final Set<Category> LOCAL_AUTHORITIES = EnumSet.of(
            REGION, DEPARTEMENT, METROPOLE, COMMUNAUTE_URBAINE, COMMUNAUTE_AGGLOMERATION, COMMUNAUTE_COMMUNES, COMMUNE);

    public boolean isLocalAuthority() {
        return LOCAL_AUTHORITIES.contains(this);
    }

    /**
     * Médico-social organisations pay the lower RESAH membership fee (docs/rules.md, section 2: ESMS: EHPAD,
     * ESAT, CLIC, MAS, IME, centre de santé, APAJH, ADAPEI).
     */
    public boolean isMedicoSocial() {
        return this == ESMS;
    }
}
