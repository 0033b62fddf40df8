package fr.centrale.convention.client;

import fr.centrale.common.problem.DependencyUnavailable;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What convention-service knows of organisations and memberships, read from membership-service.
 * The one bean the rest of the service uses for it.
 *
 * <p>membership-service may be down, slow or broken: {@link MembershipCalls} already retried and
 * maybe opened its circuit breaker; what still fails here becomes a 503 {@code DEPENDENCY_UNAVAILABLE}
 * problem, so that callers answer "try again later" rather than a 500 or a wrong business answer.
 */
@ApplicationScoped
public class MembershipDirectory {



    private final MembershipCalls calls;

    MembershipDirectory(MembershipCalls calls) {
        this.calls = calls;
    }

    /** The organisation, or empty when membership-service does not know it (404). */
    public Optional<OrganisationSummary> organisation(UUID id) {
        Objects.requireNonNull(id, "id");
        try {
            return Optional.ofNullable(calls.organisation(id));
        } catch (MembershipServiceNotFound e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Whether the organisation is a member (kind MEMBER) of the purchasing body on that day. */
    public boolean isMemberOn(UUID organisationId, String purchasingBodyCode, LocalDate day) {
        return hasMembershipOn(organisationId, purchasingBodyCode, day, Set.of(MembershipSummary.MEMBER));
    }

    /** Whether the organisation is a member or a third-party beneficiary of the purchasing body on that day. */
    public boolean holdsMembershipOn(UUID organisationId, String purchasingBodyCode, LocalDate day) {
        return hasMembershipOn(organisationId, purchasingBodyCode, day,
                Set.of(MembershipSummary.MEMBER, MembershipSummary.THIRD_PARTY_BENEFICIARY));
    }

    private boolean hasMembershipOn(UUID organisationId, String purchasingBodyCode, LocalDate day, Set<String> kinds) {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(purchasingBodyCode, "purchasingBodyCode");
        Objects.requireNonNull(day, "day");
        PageResponse<MembershipSummary> page;
        try {
            // membership-service filters on the day (activeOn): only memberships in force then come back.
            page = calls.memberships(organisationId, purchasingBodyCode, day);
        } catch (RuntimeException e) {
            // Including a 404: the list always exists, so a 404 means a wrong URL or version, not "none".
            throw unavailable(e);
        }
        return page != null && page.items() != null
                && page.items().stream().anyMatch(m -> m.kind() != null && kinds.contains(m.kind()));
    }

    /** What is left of a failure after retries (or an open breaker): the caller should try again later. */
    private static ProblemException unavailable(RuntimeException e) {
        return DependencyUnavailable.of("membership-service", e);
    }
}
