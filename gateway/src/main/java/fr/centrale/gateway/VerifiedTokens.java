package fr.centrale.gateway;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens whose signature and claims the gateway has already checked, so that a client sending the same
 * token again is not checked again: an RS256 signature costs more CPU than forwarding the request itself.
 * <p>
 * A token is kept until it expires ({@code exp}) and at most {@link #MAX_AGE} after it was checked, so that a
 * change of the verification key takes effect within that time; never longer than its {@code exp}, so an expired
 * token is refused as before. At most {@link #MAX_TOKENS} tokens are kept: beyond that the oldest are forgotten
 * (they will simply be checked again). Only valid tokens are kept: a refused token is checked at each request.
 */
final class VerifiedTokens {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final int MAX_TOKENS = 10_000;

    private record Entry(JsonWebToken token, Caller caller, Instant until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The checked token for {@code raw} when it was checked and has not expired since, else null. */
    JsonWebToken get(String raw) {
        Entry entry = entry(raw);
        return entry == null ? null : entry.token();
    }

    /** Who the token {@code raw} names, when it was checked and has not expired since, else null. */
    Caller caller(String raw) {
        Entry entry = entry(raw);
        return entry == null ? null : entry.caller();
    }

    private Entry entry(String raw) {
        Entry entry = entries.get(raw);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(raw, entry);
            return null;
        }
        return entry;
    }

    /** Remembers {@code token}, just checked, for {@code raw}; answers who it names. */
    Caller put(String raw, JsonWebToken token) {
        Caller caller = Caller.of(token);
        Instant now = clock.instant();
        Instant until = now.plus(MAX_AGE);
        long exp = token.getExpirationTime();
        if (exp > 0 && Instant.ofEpochSecond(exp).isBefore(until)) {
            until = Instant.ofEpochSecond(exp);
        }
        if (!now.isBefore(until)) {
            return caller;
        }
        if (entries.size() >= MAX_TOKENS) {
            forgetExpiredOrAll(now);
        }
        entries.put(raw, new Entry(token, caller, until));
        return caller;
    }

    int size() {
        return entries.size();
    }

    private void forgetExpiredOrAll(Instant now) {
        entries.values().removeIf(e -> !now.isBefore(e.until()));
        if (entries.size() >= MAX_TOKENS) {
            entries.clear(); // all still valid: start again rather than grow; they are checked again on their next use
        }
    }
}
