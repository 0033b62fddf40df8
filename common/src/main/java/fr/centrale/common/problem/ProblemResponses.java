package fr.centrale.common.problem;

import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Locale;

/** Builds problem+json responses. */
public final class ProblemResponses {

    private static final String TYPE_BASE = "https://centrale.example/problems/";

    private ProblemResponses() {
    }

    public static String typeOf(String code) {
        return TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Response of(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    public static Response of(int status, String code, String title, String detail, List<FieldError> errors) {
        return of(new Problem(typeOf(code), title, status, detail, code, errors));
    }
}
