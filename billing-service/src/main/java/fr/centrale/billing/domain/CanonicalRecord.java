package fr.centrale.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The canonical serialisation of a ledger record, what its chain hash covers (billing-service README, "Tamper
 * evidence"): a record type, then its fields in a fixed order, each after a {@code |}; a record that has parts (a
 * titre's lines) continues on a new line ({@code \n}) with the part's type and fields. Each field is written as:
 * <ul>
 * <li>absent (SQL NULL): {@code \0} (backslash, zero);</li>
 * <li>text: as is, but {@code \} → {@code \\}, {@code |} → {@code \|}, line feed → {@code \n}, carriage return →
 *     {@code \r} (so that a field never contains a bare separator);</li>
 * <li>amount, rate, months: plain decimal with exactly two decimals, a dot, no grouping ({@code 1500.00},
 *     {@code 20.00}, {@code -3.50});</li>
 * <li>date: ISO {@code yyyy-MM-dd}; integer: decimal; id: the lowercase UUID {@code 8-4-4-4-12}; enumeration: its
 *     name.</li>
 * </ul>
 * The whole is hashed as UTF-8 ({@link LedgerChain#link}). Migration V10 writes the same bytes in SQL for the rows
 * that existed before it.
 */
public final class CanonicalRecord {

    public static final char SEPARATOR = '|';
    static final String NULL = "\\0";

    private final StringBuilder text = new StringBuilder(1024);

    private CanonicalRecord(String type) {
        text.append(type);
    }

    /** A record of {@code type} ({@code titre}, {@code payment}...). */
    public static CanonicalRecord of(String type) {
        return new CanonicalRecord(type);
    }

    /** A part of the record (a titre's line): on a new line, its type first. */
    public CanonicalRecord part(String type) {
        text.append('\n').append(type);
        return this;
    }

    public CanonicalRecord text(String value) {
        text.append(SEPARATOR);
        if (value == null) {
            text.append(NULL);
            return this;
        }
        if (!needsEscape(value)) {
            text.append(value);
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '|' -> text.append("\\|");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    private static boolean needsEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '|' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** An amount (or rate, or months) with two decimals, HALF_UP as the database's {@code numeric(_, 2)} stores it. */
    public CanonicalRecord amount(BigDecimal value) {
        text.append(SEPARATOR);
        text.append(value == null ? NULL : value.setScale(2, RoundingMode.HALF_UP).toPlainString());
        return this;
    }

    public CanonicalRecord date(LocalDate value) {
        text.append(SEPARATOR);
        text.append(value == null ? NULL : value.toString());
        return this;
    }

    public CanonicalRecord integer(Long value) {
        text.append(SEPARATOR);
        text.append(value == null ? NULL : value.toString());
        return this;
    }

    public CanonicalRecord integer(Integer value) {
        return integer(value == null ? null : value.longValue());
    }

    public CanonicalRecord id(UUID value) {
        text.append(SEPARATOR);
        text.append(value == null ? NULL : value.toString());
        return this;
    }

    public CanonicalRecord name(Enum<?> value) {
        return text(value == null ? null : value.name());
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
