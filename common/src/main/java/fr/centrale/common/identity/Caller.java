package fr.centrale.common.identity;

import fr.centrale.common.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as the gateway forwarded it ({@code X-Centrale-User}, {@code X-Centrale-Roles},
 * {@code X-Centrale-Organisation}); set by {@link IdentityFilter} for every request.
 * <p>
 * A request without these headers is an internal one (another service, a test, an operator on the
 * service's own port): it sees everything, and the deployment's network policies admit only the
 * gateway and the sibling services to a service's port. With {@code centrale.identity.required=true}
 * (the Kubernetes manifests set it) such a request is refused with 401 instead.
 */
@RequestScoped
public class Caller {

    private String user;
    private Set<String> roles = Set.of();
    private UUID organisationId;
    private boolean forwarded;

    void set(String user, Set<String> roles, UUID organisationId) {
        this.user = user;
        this.roles = Set.copyOf(roles);
        this.organisationId = organisationId;
        this.forwarded = true;
    }

    public boolean isForwarded() {
        return forwarded;
    }

    public String user() {
        return user;
    }

    public Set<String> roles() {
        return roles;
    }

    /**
     * The organisation an adherent is confined to; empty for everybody else (admin, finance, reader,
     * internal calls), who see every organisation's data.
     */
    public Optional<UUID> confinedTo() {
        boolean seesAll = !forwarded || roles.contains(Access.ADMIN) || roles.contains(Access.FINANCE)
                || roles.contains(Access.READER);
        return seesAll ? Optional.empty() : Optional.ofNullable(organisationId);
    }

    /** Whether the caller may see the data of {@code organisation}. */
    public boolean sees(UUID organisation) {
        return confinedTo().map(own -> own.equals(organisation)).orElse(true);
    }

    /** Whether the caller may see data concerning any of {@code organisations}. */
    public boolean seesAny(java.util.Collection<UUID> organisations) {
        return confinedTo().map(organisations::contains).orElse(true);
    }

    /**
     * 404 (as if it did not exist) when the caller may not see {@code organisation}'s resource
     * {@code what} {@code id}.
     */
    public void requireSees(UUID organisation, String what, Object id) {
        if (!sees(organisation)) {
            throw ProblemException.notFound(what, id);
        }
    }

    /**
     * The organisation filter a list must apply, given the one the request asked for (or null): for
     * an adherent always its own organisation, and an empty answer when it asked for another one.
     */
    public Filter filterFor(UUID requested) {
        Optional<UUID> own = confinedTo();
        if (own.isEmpty()) {
            return new Filter(requested, false);
        }
        if (requested != null && !requested.equals(own.get())) {
            return new Filter(own.get(), true);
        }
        return new Filter(own.get(), false);
    }

    /**
     * @param organisationId the organisation to filter on, or null for all
     * @param nothing true when the answer must be empty (an adherent asked for somebody else)
     */
    public record Filter(UUID organisationId, boolean nothing) {
    }
}
