package fr.centrale.membership;

import fr.centrale.common.organisation.Category;

/** The category ticked on a RESAH bulletin: "Établissement du secteur médico-social" or "Autre organisme" (seed 000). */
public enum FeeCategory {
    MEDICO_SOCIAL, OTHER;

    public static FeeCategory of(Category category) {
        return category.isMedicoSocial() ? MEDICO_SOCIAL : OTHER;
    }
}
