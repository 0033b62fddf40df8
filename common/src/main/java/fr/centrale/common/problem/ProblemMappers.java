package fr.centrale.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into {@code application/problem+json}. Bad input is a 4xx naming the field;
 * an unreachable database a 503 with {@code Retry-After} ({@link DatabaseUnavailable});
 * anything unexpected is a 500 that says nothing of the inside (it is logged instead).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ProblemResponses.of(e.toProblem());
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        if (e instanceof ConstraintViolationException cve) {
            List<FieldError> errors = cve.getConstraintViolations().stream()
                    .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
            return ProblemResponses.of(ProblemException.invalid(errors).toProblem());
        }
        LOG.error("Validation configuration error", e);
        return internalError();
    }

    /** Malformed JSON: not even parseable. */
    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return badJson("body", "malformed JSON: " + e.getOriginalMessage());
    }

    /** Wrong type, unknown enum value, invalid date, missing body... */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return badJson(pathOf(e), messageOf(e));
    }

    @ServerExceptionMapper
    public Response instantiation(ValueInstantiationException e) {
        Throwable cause = e.getCause();
        return badJson(pathOf(e), cause != null && cause.getMessage() != null ? cause.getMessage() : "invalid value");
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonMappingException jme) {
            return badJson(pathOf(jme), "unreadable value: " + e.getOriginalMessage());
        }
        return badJson("body", "malformed JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Server error", e);
            return internalError();
        }
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return json(jpe);
        }
        String reason = Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String code = switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            default -> "BAD_REQUEST";
        };
        String detail = status == 404 ? "No resource at this address" : reason;
        return ProblemResponses.of(status, code, reason, detail, null);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale(Exception e) {
        return ProblemResponses.of(ProblemException.conflict("STALE_VERSION",
                "The resource was changed by someone else; read it again and retry").toProblem());
    }

    /**
     * Anything else: a 500, unless the database is unreachable (503 DATABASE_UNAVAILABLE, see
     * {@link DatabaseUnavailable}) or the service is stopping (503 SERVICE_STOPPING, see {@link ShuttingDown}).
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseUnavailable.isCauseOf(e)) {
            return DatabaseUnavailable.response(e);
        }
        if (ShuttingDown.isUnderWay()) {
            return ShuttingDown.response(e);
        }
        LOG.error("Unexpected error", e);
        return internalError();
    }

    private static Response internalError() {
        return ProblemResponses.of(500, "INTERNAL_ERROR", "Internal error",
                "The request could not be completed; it has been logged", null);
    }

    private static Response badJson(String field, String message) {
        return ProblemResponses.of(ProblemException.invalid(field, message).toProblem());
    }

    private static String messageOf(MismatchedInputException e) {
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null) {
            Class<?> type = ife.getTargetType();
            if (type.isEnum()) {
                return "unknown value '" + ife.getValue() + "'; expected one of "
                        + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
            }
            if (type == String.class) {
                return ife.getOriginalMessage(); // a text refused as such (JsonConfig: a NUL character)
            }
            return "'" + ife.getValue() + "' is not a valid " + friendly(type);
        }
        if (e.getTargetType() != null) {
            return "expected " + friendly(e.getTargetType());
        }
        return "unreadable value";
    }

    private static String friendly(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (yyyy-MM-dd)";
            case "BigDecimal" -> "decimal number";
            case "Integer", "int", "Long", "long" -> "integer";
            case "UUID" -> "UUID";
            case "String" -> "string";
            case "Boolean", "boolean" -> "boolean";
            case "List", "Set" -> "array";
            default -> type.isEnum() ? "value" : "object";
        };
    }

    private static String pathOf(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                parts.add(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                int last = parts.size() - 1;
                if (last >= 0) {
                    parts.set(last, parts.get(last) + "[" + ref.getIndex() + "]");
                } else {
                    parts.add("[" + ref.getIndex() + "]");
                }
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    /** The JSON path of a violated constraint, without the Java method and parameter names. */
    private static String fieldOf(ConstraintViolation<?> v) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName();
                if (name == null || name.startsWith("<")) {
                    continue;
                }
                if (node.isInIterable() && node.getIndex() != null && !parts.isEmpty()) {
                    int last = parts.size() - 1;
                    parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
                }
                parts.add(name);
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parts.clear();
                parts.add(node.getName());
            }
        }
        if (parts.size() > 1) {
            parts.remove(0); // the Java parameter name of the request body
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }
}
