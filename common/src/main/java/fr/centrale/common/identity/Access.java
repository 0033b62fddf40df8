package fr.centrale.common.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what, decided from the roles of the token ({@code groups} claim) alone.
 * <ul>
 *     <li>{@code admin}: everything;</li>
 *     <li>{@code finance}: every GET, plus billing runs, payments (PES_Retour receipts included) and cancellations;</li>
 *     <li>{@code reader}: every GET;</li>
 *     <li>{@code adherent}: GET only (but for its own budget lines: POST /budget-lines and POST/DELETE
 *     /budget-lines/{id}/attachments, docs/rules.md, R-17), and never another organisation's data named in the request
 *     (query {@code organisationId}/{@code debtorId}, or {@code /organisations/{id}}): that is a 404,
 *     so that other organisations' existence is not revealed; nor the ledger-wide resources that are
 *     nobody's own data (billing runs, the billable-item feeds, the titre event feed): 403.</li>
 * </ul>
 * The gateway decides with it from the token; each service decides again with it from the identity
 * the gateway forwards ({@link IdentityFilter}), then narrows what an adherent sees to its own
 * organisation ({@link Caller}).
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
        if ((read || isReadByPost(method, segments)) && (roles.contains(READER) || roles.contains(FINANCE))) {
            return Decision.ALLOW;
        }
        if (roles.contains(FINANCE) && "POST".equals(method) && isFinanceWrite(segments)) {
            return Decision.ALLOW;
        }
        if (roles.contains(ADHERENT)) {
            if (!read && isAdherentWrite(method, segments) && organisationId != null && !organisationId.isBlank()) {
                return Decision.ALLOW; // the service confines it to the adherent's own organisation's budget lines
            }
            if (!read || organisationId == null || organisationId.isBlank() || isLedgerWide(segments)) {
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

    /**
     * POST /organisations/lookup: reads organisations by a list of ids (too many for a query string). A
     * read for readers and finance (billing-service's runs call it); never for an adherent, as it names
     * other organisations.
     */
    private static boolean isReadByPost(String method, List<String> segments) {
        return "POST".equals(method) && segments.equals(List.of("organisations", "lookup"));
    }

    /**
     * GET /billing-runs..., /bordereaux... (a bordereau lists many debtors' titres, docs/rules.md R-6), /ledger...
     * (verification and archives of the whole ledger), /memberships/billable-items, /conventions/billable-items,
     * /titres/events.
     */
    private static boolean isLedgerWide(List<String> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        String first = segments.get(0);
        if ("billing-runs".equals(first) || "bordereaux".equals(first) || "ledger".equals(first)) {
            return true;
        }
        if (segments.size() == 2) {
            String second = segments.get(1);
            return ("billable-items".equals(second) && ("memberships".equals(first) || "conventions".equals(first)))
                    || ("events".equals(second) && "titres".equals(first));
        }
        return false;
    }

    /**
     * A debtor manages its own budget lines (docs/rules.md, R-17): POST /budget-lines, POST and DELETE
     * /budget-lines/{id}/attachments. billing-service refuses (404) another organisation's line.
     */
    private static boolean isAdherentWrite(String method, List<String> segments) {
        if (segments.isEmpty() || !"budget-lines".equals(segments.get(0))) {
            return false;
        }
        return ("POST".equals(method) && segments.size() == 1)
                || (("POST".equals(method) || "DELETE".equals(method)) && segments.size() == 3 && "attachments".equals(segments.get(2)));
    }

    /**
     * POST /billing-runs, POST /titres/{id}/payments, POST /titres/{id}/cancellation, POST /pes/retours (the comptable's
     * receipts, recorded as payments).
     */
    private static boolean isFinanceWrite(List<String> segments) {
        if (segments.size() == 1 && "billing-runs".equals(segments.get(0))) {
            return true;
        }
        if (segments.equals(List.of("pes", "retours"))) {
            return true;
        }
        return segments.size() == 3 && "titres".equals(segments.get(0))
                && ("payments".equals(segments.get(2)) || "cancellation".equals(segments.get(2)));
    }
}
