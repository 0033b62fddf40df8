package fr.centrale.gateway;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Checked tokens are remembered until they expire, at most five minutes, and the cache stays bounded. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static JsonWebToken expiringAt(Instant exp) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("someone");
        claims.setExpirationTimeMinutesInTheFuture(0);
        claims.setClaim("exp", exp.getEpochSecond());
        return new DefaultJWTCallerPrincipal("raw", "JWT", claims);
    }

    @Test
    void aTokenIsRememberedUntilItExpires() {
        Hands clock = new Hands();
        VerifiedTokens tokens = new VerifiedTokens(clock);
        JsonWebToken token = expiringAt(NOW.plusSeconds(90));
        tokens.put("a", token);

        clock.now = NOW.plusSeconds(89);
        assertThat(tokens.get("a")).isSameAs(token);
        clock.now = NOW.plusSeconds(90);
        assertThat(tokens.get("a")).as("expired: checked again, and refused by the parser").isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aLongLivedTokenIsCheckedAgainAfterFiveMinutes() {
        Hands clock = new Hands();
        VerifiedTokens tokens = new VerifiedTokens(clock);
        tokens.put("a", expiringAt(NOW.plus(Duration.ofDays(1))));

        clock.now = NOW.plus(VerifiedTokens.MAX_AGE).minusSeconds(1);
        assertThat(tokens.get("a")).isNotNull();
        clock.now = NOW.plus(VerifiedTokens.MAX_AGE);
        assertThat(tokens.get("a")).as("a new verification key must take effect within five minutes").isNull();
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(new Hands());
        tokens.put("a", expiringAt(NOW.minusSeconds(1))); // accepted by the parser within its clock skew
        assertThat(tokens.get("a")).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void anUnknownTokenIsNotThere() {
        VerifiedTokens tokens = new VerifiedTokens(new Hands());
        tokens.put("a", expiringAt(NOW.plusSeconds(60)));
        assertThat(tokens.get("b")).isNull();
    }

    @Test
    void theCacheStaysBounded() {
        Hands clock = new Hands();
        VerifiedTokens tokens = new VerifiedTokens(clock);
        for (int i = 0; i < VerifiedTokens.MAX_TOKENS; i++) {
            tokens.put("t" + i, expiringAt(NOW.plusSeconds(i < 10 ? 1 : 600)));
        }
        assertThat(tokens.size()).isEqualTo(VerifiedTokens.MAX_TOKENS);

        clock.now = NOW.plusSeconds(2); // the first ten have expired: they make room
        tokens.put("new", expiringAt(NOW.plusSeconds(600)));
        assertThat(tokens.size()).isEqualTo(VerifiedTokens.MAX_TOKENS - 10 + 1);
        assertThat(tokens.get("new")).isNotNull();

        for (int i = 0; i < 10; i++) {
            tokens.put("more" + i, expiringAt(NOW.plusSeconds(600)));
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(VerifiedTokens.MAX_TOKENS);
    }

    @Test
    void whoATokenNamesIsReadOnceAndRememberedWithIt() {
        Hands clock = new Hands();
        VerifiedTokens tokens = new VerifiedTokens(clock);
        JwtClaims claims = new JwtClaims();
        claims.setSubject("subject-1");
        claims.setClaim("upn", "agent@cd62.fr");
        claims.setStringListClaim("groups", "reader", "adherent");
        claims.setClaim("organisationId", "7e4e7d5e-1f1e-4a0a-b3b2-5d6a5c0c2b00");
        claims.setClaim("exp", NOW.plusSeconds(600).getEpochSecond());
        JsonWebToken token = new DefaultJWTCallerPrincipal("raw", "JWT", claims);

        Caller caller = tokens.put("b", token);
        assertThat(caller.user()).isEqualTo("agent@cd62.fr");
        assertThat(caller.roles()).containsExactly("adherent", "reader");
        assertThat(caller.rolesHeader()).isEqualTo("adherent,reader");
        assertThat(caller.organisationId()).isEqualTo("7e4e7d5e-1f1e-4a0a-b3b2-5d6a5c0c2b00");
        assertThat(tokens.caller("b")).isSameAs(caller);

        clock.now = NOW.plus(VerifiedTokens.MAX_AGE);
        assertThat(tokens.caller("b")).as("forgotten with its token").isNull();
    }

    @Test
    void aTokenWithoutNameGroupsOrOrganisationNamesItsSubjectAndNoRole() {
        Caller caller = Caller.of(expiringAt(NOW.plusSeconds(60)));
        assertThat(caller.user()).isEqualTo("someone");
        assertThat(caller.roles()).isEmpty();
        assertThat(caller.rolesHeader()).isEmpty();
        assertThat(caller.organisationId()).isNull();
    }
}
