package fr.centrale.gateway;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a verified bearer token names, as the gateway decides and forwards it: the user ({@code upn}, {@code
 * preferred_username} or the subject), the roles ({@code groups}, sorted), and the organisation of an adherent
 * ({@code organisationId}). Read once per token from its claims and remembered with it ({@link VerifiedTokens}):
 * reading a claim that is not a standard one costs smallrye-jwt an exception each time.
 *
 * @param rolesHeader the roles as forwarded in {@code X-Centrale-Roles}: comma-separated, sorted
 */
record Caller(String user, Set<String> roles, String rolesHeader, String organisationId) {

    static Caller of(JsonWebToken jwt) {
        Set<String> roles = Collections.unmodifiableSet(new TreeSet<>(jwt.getGroups() == null ? Set.of() : jwt.getGroups()));
        return new Caller(jwt.getName() == null ? String.valueOf(jwt.getSubject()) : jwt.getName(), roles,
                String.join(",", roles), claim(jwt, "organisationId"));
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
        return text.isBlank() ? null : text;
    }
}
