package fr.centrale.common.problem;

/** One invalid field of a request: {@code field} is its JSON path (e.g. {@code address.postalCode}). */
public record FieldError(String field, String message) {
}
