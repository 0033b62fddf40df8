package fr.centrale.gateway;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what, decided from the roles of the token ({@code groups} claim) alone.
 * <ul>
 *     <li>{@code admin}: everything;</li>
 *     <li>{@code finance}: every GET, plus billing runs, payments and cancellations;</li>
 *     <li>{@code reader}: every GET;</li>
 *     <li>{@code adherent}: GET only, and never another organisation's data named in the request
 *     (query {@code organisationId}/{@code debtorId}, or {@code /organisations/{id}}): that is a 404,
 *     so that other organisations' existence is not revealed.</li>
 * </ul>
 */
public final class Access {

    public enum Decision { ALLOW, FORBIDDEN, NOT_FOUND }

    public static final String ADMIN = "admin";
    public static final String FINANCE = "finance";
    public static final String READER = "reader";
    public static final String ADHERENT = "adherent";

    private Access() {
    }

    /**
     * @param segments the path segments after {@code /api/v1}
     * @param query the decoded query parameters
     * @param organisationId the token's {@code organisationId} claim, or null
     */
    public static Decision decide(String method, List<String> segments, Map<String, List<String>> query,
                                  Set<String> roles, String organisationId) {
        if (roles.contains(ADMIN)) {
            return Decision.ALLOW;
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (read && (roles.contains(READER) || roles.contains(FINANCE))) {
            return Decision.ALLOW;
        }
        if (roles.contains(FINANCE) && "POST".equals(method) && isFinanceWrite(segments)) {
            return Decision.ALLOW;
        }
        if (roles.contains(ADHERENT)) {
            if (!read || organisationId == null || organisationId.isBlank()) {
                return Decision.FORBIDDEN;
            }
            for (String name : List.of("organisationId", "debtorId")) {
                for (String value : query.getOrDefault(name, List.of())) {
                    if (!organisationId.equalsIgnoreCase(value)) {
                        return Decision.NOT_FOUND;
                    }
                }
            }
            if (segments.size() >= 2 && "organisations".equals(segments.get(0))
                    && !organisationId.equalsIgnoreCase(segments.get(1))) {
                return Decision.NOT_FOUND;
            }
            return Decision.ALLOW;
        }
        return Decision.FORBIDDEN;
    }

    /** POST /billing-runs, POST /titres/{id}/payments, POST /titres/{id}/cancellation. */
    private static boolean isFinanceWrite(List<String> segments) {
        if (segments.size() == 1 && "billing-runs".equals(segments.get(0))) {
            return true;
        }
        return segments.size() == 3 && "titres".equals(segments.get(0))
                && ("payments".equals(segments.get(2)) || "cancellation".equals(segments.get(2)));
    }
}
