package fr.centrale.membership.domain;

/**
 * SIRET check (docs/rules.md, section 2): 14 digits, spaces ignored, Luhn checksum on the 14 digits and on the
 * SIREN (first 9). La Poste (SIREN 356 000 000) numbers its establishments so that the digit sum
 * of the SIRET is a multiple of 5 instead.
 */
public final class Siret {

    static final String LA_POSTE_SIREN = "356000000";

    private Siret() {
    }

    /** The input without spaces (including non-breaking ones), or null. */
    public static String normalize(String input) {
        return input == null ? null : input.replaceAll("[\\s\\u00A0\\u202F]", "");
    }

    /** Why the (normalised) SIRET is invalid, or null when it is valid. */
    public static String problemWith(String siret) {
        if (siret == null || !siret.matches("\\d{14}")) {
            return "a SIRET has 14 digits";
        }
        String siren = siret.substring(0, 9);
        if (LA_POSTE_SIREN.equals(siren)) {
            return digitSum(siret) % 5 == 0 ? null : "La Poste SIRET digits must add up to a multiple of 5";
        }
        if (!luhn(siren)) {
            return "the SIREN " + siren + " fails the Luhn checksum";
        }
        if (!luhn(siret)) {
            return "the SIRET fails the Luhn checksum";
        }
        return null;
    }

    public static boolean isValid(String input) {
        return problemWith(normalize(input)) == null;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }
}
