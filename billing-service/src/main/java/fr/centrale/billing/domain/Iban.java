package fr.centrale.billing.domain;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * The IBAN of the account a titre is paid to (docs/rules.md, R-5: "how to pay (the comptable public or agent
 * comptable, address, IBAN and BIC, accepted means)"), checked as ISO 13616 asks: two letters of a country
 * whose IBAN length is known, two check digits, letters and digits only, the length of that country, and the
 * mod-97 check (the number made of the rearranged IBAN, letters as 10..35, leaves 1 when divided by 97).
 */
public final class Iban {

    /** IBAN lengths of the SEPA countries and their territories (ISO 13616 registry). */
    static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21),
            Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23),
            Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("MC", 27), Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28),
            Map.entry("PT", 25), Map.entry("RO", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("VA", 22));

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Iban() {
    }

    /** The IBAN in its electronic form: spaces removed, upper case (null stays null). */
    public static String normalize(String iban) {
        return iban == null ? null : iban.replace(" ", "").replace("\u00A0", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** Why {@code iban} is not a valid IBAN, or empty when it is (it is normalized first). */
    public static Optional<String> problem(String iban) {
        String s = normalize(iban);
        if (s == null || s.isEmpty()) {
            return Optional.of("is required");
        }
        if (!s.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+")) {
            return Optional.of("must be a country code, two check digits, then letters and digits (ISO 13616)");
        }
        Integer length = LENGTHS.get(s.substring(0, 2));
        if (length == null) {
            return Optional.of("country " + s.substring(0, 2) + " has no IBAN this service knows (SEPA countries)");
        }
        if (s.length() != length) {
            return Optional.of("an IBAN of " + s.substring(0, 2) + " has " + length + " characters, not " + s.length());
        }
        String rearranged = s.substring(4) + s.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        if (!new BigInteger(digits.toString()).mod(NINETY_SEVEN).equals(BigInteger.ONE)) {
            return Optional.of("check digits do not match (ISO 13616 mod-97)");
        }
        return Optional.empty();
    }
}
