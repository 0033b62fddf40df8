package fr.centrale.billing.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The BIC of the bank holding the account (docs/rules.md, R-5), in the ISO 9362 format: 4 letters (the bank),
 * 2 letters (its country, e.g. FR), 2 letters or digits (the location), and optionally 3 letters or digits
 * (the branch): {@code BDFEFRPPCCT}, {@code BDFEFRPP}.
 */
public final class Bic {

    private Bic() {
    }

    public static String normalize(String bic) {
        return bic == null ? null : bic.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** Why {@code bic} is not a BIC, or empty when it is (it is normalized first). */
    public static Optional<String> problem(String bic) {
        String s = normalize(bic);
        if (s == null || s.isEmpty()) {
            return Optional.of("is required");
        }
        if (s.length() != 8 && s.length() != 11) {
            return Optional.of("has 8 or 11 characters (ISO 9362), not " + s.length());
        }
        if (!s.matches("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
            return Optional.of("must be 4 letters (bank), 2 letters (country), 2 letters or digits (location) and an "
                    + "optional branch of 3 (ISO 9362)");
        }
        if (!Iban.LENGTHS.containsKey(s.substring(4, 6)) && !java.util.Arrays.asList(Locale.getISOCountries())
                .contains(s.substring(4, 6))) {
            return Optional.of("country " + s.substring(4, 6) + " is not an ISO 3166 country code");
        }
        return Optional.empty();
    }
}
