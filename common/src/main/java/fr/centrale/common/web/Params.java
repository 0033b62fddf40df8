package fr.centrale.common.web;

import fr.centrale.common.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Parses query and path parameters so that a bad one is a 400 naming it, never a 500 or a bare 404. */
public final class Params {

    private Params() {
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not a UUID");
        }
    }

    /** The UUID, or null when the value is not one (then it may be a natural code). */
    public static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "unknown value '" + value + "'; expected one of "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    /** A UUID from the URL: one that is malformed names no resource, so it is a 404 like an unknown one. */
    public static UUID pathId(String what, String value) {
        UUID id = uuidOrNull(value);
        if (id == null) {
            throw ProblemException.notFound(what, value);
        }
        return id;
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not an integer");
        }
    }

    /** The version of an {@code If-Match} header ({@code "3"}, {@code W/"3"} or {@code 3}), or null. */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String digits = header.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.valueOf(digits);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must carry the resource version, e.g. \"3\"");
        }
    }
}
