package fr.centrale.common.problem;

import jakarta.ws.rs.core.Response;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The service's own database cannot be reached (stopped, restarting, unreachable, or every connection of the
 * pool busy for longer than {@code quarkus.datasource.jdbc.acquisition-timeout}): the request answers 503
 * {@code DATABASE_UNAVAILABLE} with {@code Retry-After}, not a 500, and says nothing of the inside; the cause is
 * logged here, one line a request. Nothing was written: the request's transaction could not commit (or, when the
 * connection broke while the commit was under way, the answer cannot tell, and a retry with the same
 * {@code Idempotency-Key} replays what was stored).
 *
 * <p>Recognised anywhere in the cause chain (suppressed exceptions included) of what a resource threw:
 * Hibernate's {@code JDBCConnectionException}; a JDBC connection exception ({@code SQLTransientConnectionException},
 * {@code SQLNonTransientConnectionException}, SQLState class 08); PostgreSQL's administrator or crash shutdown and
 * "cannot connect now" (57P01, 57P02, 57P03); Agroal's acquisition timeout; a socket failure beneath a JDBC
 * exception. Any other database error stays a 500.
 */
public final class DatabaseUnavailable {

    public static final String CODE = "DATABASE_UNAVAILABLE";
    /** Seconds a client should wait before retrying: about the time a database restart or fail-over takes. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down, in recovery). */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");
    /** Agroal's words when no connection could be had within the acquisition timeout. */
    private static final String ACQUISITION_TIMEOUT = "Acquisition timeout";
    private static final int MAX_DEPTH = 64;

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);

    private DatabaseUnavailable() {
    }

    /** True when {@code failure} comes from the database being unreachable rather than from the request. */
    public static boolean isCauseOf(Throwable failure) {
        return find(failure, false, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    }

    /** The 503 answer; logs the innermost cause (one line; the stack trace at DEBUG). */
    public static Response response(Throwable failure) {
        LOG.warnf("Database unavailable, answered 503 %s: %s", CODE, innermost(failure));
        LOG.debug("Database unavailable", failure);
        Problem problem = new Problem(ProblemResponses.typeOf(CODE), "Service unavailable", 503,
                "The database is unavailable; nothing was done, retry in a few seconds", CODE, null);
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(problem)
                .build();
    }

    private static boolean find(Throwable t, boolean underJdbc, Set<Throwable> seen, int depth) {
        if (t == null || depth > MAX_DEPTH || !seen.add(t)) {
            return false;
        }
        if (isConnectionFailure(t, underJdbc)) {
            return true;
        }
        boolean jdbc = underJdbc || t instanceof SQLException;
        for (Throwable suppressed : t.getSuppressed()) {
            if (find(suppressed, jdbc, seen, depth + 1)) {
                return true;
            }
        }
        if (t instanceof SQLException sql && find(sql.getNextException(), true, seen, depth + 1)) {
            return true;
        }
        return find(t.getCause(), jdbc, seen, depth + 1);
    }

    private static boolean isConnectionFailure(Throwable t, boolean underJdbc) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state))) {
                return true;
            }
            String message = sql.getMessage();
            if (message != null && message.startsWith(ACQUISITION_TIMEOUT)) {
                return true;
            }
        }
        if (t instanceof JDBCConnectionException) {
            return true;
        }
        // A socket failure counts only beneath a JDBC exception: elsewhere it may be another service's.
        return underJdbc && (t instanceof SocketException || t instanceof SocketTimeoutException || t instanceof EOFException);
    }

    private static String innermost(Throwable failure) {
        Throwable t = failure;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (t.getCause() != null && seen.add(t)) {
            t = t.getCause();
        }
        String state = t instanceof SQLException sql && sql.getSQLState() != null ? " (SQLState " + sql.getSQLState() + ")" : "";
        return failure.getClass().getName() + (t == failure ? "" : " caused by " + t.getClass().getName())
                + state + ": " + t.getMessage();
    }
}
