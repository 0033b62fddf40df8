package fr.centrale.common.problem;

import java.util.List;

/**
 * A refusal that the API answers as problem+json. Thrown by services and domain objects; the
 * {@code code} names the rule so that a client program can react to it.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String code, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** 400: the request is malformed; one entry per bad field. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "INVALID_REQUEST", "Invalid request", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** 404: the resource named in the URL does not exist. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "NOT_FOUND", "Not found", what + " " + id + " does not exist", null);
    }

    /** 409: duplicate, stale version or a state that forbids the request. */
    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict", detail, null);
    }

    /** 422: a business rule refuses the request; {@code field} is the field at fault, if one is. */
    public static ProblemException rule(String code, String detail, String field) {
        return new ProblemException(422, code, titleOf(code), detail,
                field == null ? null : List.of(new FieldError(field, detail)));
    }

    public static ProblemException rule(String code, String detail) {
        return rule(code, detail, null);
    }

    private static String titleOf(String code) {
        String words = code.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Problem toProblem() {
        return new Problem(ProblemResponses.typeOf(code), title, status, getMessage(), code, errors);
    }
}
