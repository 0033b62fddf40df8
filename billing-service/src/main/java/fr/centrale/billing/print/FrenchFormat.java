package fr.centrale.billing.print;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * French formats for printed documents, built by hand (no locale data, no floating point) so that
 * they do not change with the JDK: amounts {@code 1 152,08 €}, decimals {@code 5,53}, dates
 * {@code 02/01/2025} and SIRET {@code 200 072 460 00013}.
 *
 * <p>Digits are grouped by a narrow no-break space (U+202F) and the euro sign follows a no-break
 * space (U+00A0), as French typography asks; neither lets a line break inside an amount.
 */
public final class FrenchFormat {

    /** Narrow no-break space: the thousands separator. */
    public static final char THOUSANDS = '\u202F';
    /** No-break space: between a number and its unit. */
    public static final char NBSP = '\u00A0';

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private FrenchFormat() {
    }

    /** {@code 1152.083} → {@code "1 152,08 €"}, {@code -0.5} → {@code "-0,50 €"} (HALF_UP to the cent); null → "". */
    public static String euros(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return decimal(amount, 2) + NBSP + "€";
    }

    /** {@code 5.53} at scale 2 → {@code "5,53"}; {@code 2500} at scale 2 → {@code "2 500,00"} (HALF_UP); null → "". */
    public static String decimal(BigDecimal value, int scale) {
        if (value == null) {
            return "";
        }
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        StringBuilder out = new StringBuilder();
        if (rounded.signum() < 0) {
            out.append('-');
        }
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                out.append(THOUSANDS);
            }
            out.append(integer.charAt(i));
        }
        if (!fraction.isEmpty()) {
            out.append(',').append(fraction);
        }
        return out.toString();
    }

    /** {@code 2025-01-02} → {@code "02/01/2025"}; null → "". */
    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /**
     * {@code "20007246000013"} → {@code "200 072 460 00013"} (SIREN in groups of three, then the NIC),
     * with no-break spaces; anything that is not 14 digits once spaces are removed is returned as given.
     */
    public static String siret(String siret) {
        if (siret == null) {
            return "";
        }
        String digits = siret.replaceAll("[\\s\\u00A0\\u202F]", "");
        if (!digits.matches("\\d{14}")) {
            return siret.strip();
        }
        return digits.substring(0, 3) + NBSP + digits.substring(3, 6) + NBSP + digits.substring(6, 9) + NBSP
                + digits.substring(9);
    }
}
