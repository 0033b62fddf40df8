package fr.centrale.membership.domain;

/** The département of a French postal code: its first two digits, 2A/2B in Corsica, three overseas. */
public final class Departement {

    private Departement() {
    }

    /** The département code, or null when the postal code is not a French one (5 digits). */
    public static String ofPostalCode(String postalCode) {
        if (postalCode == null || !postalCode.matches("\\d{5}")) {
            return null;
        }
        if (postalCode.startsWith("97") || postalCode.startsWith("98")) {
            return postalCode.substring(0, 3);
        }
        if (postalCode.startsWith("20")) {
            return Integer.parseInt(postalCode) < 20200 ? "2A" : "2B";
        }
        return postalCode.substring(0, 2);
    }
}
