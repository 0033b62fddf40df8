package fr.centrale.common.problem;

import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

/**
 * What is left of a call to another service once its retries are spent (or its circuit breaker is open):
 * a 503 {@code DEPENDENCY_UNAVAILABLE} problem that tells the caller to try again later. Every REST client
 * of the suite reports its failures this way, with the same wording.
 */
public final class DependencyUnavailable {

    public static final String CODE = "DEPENDENCY_UNAVAILABLE";

    private static final Logger LOG = Logger.getLogger(DependencyUnavailable.class);

    private DependencyUnavailable() {
    }

    /** The problem for a failed call to {@code service}, the reason read from the failure. */
    public static ProblemException of(String service, RuntimeException failure) {
        boolean expected = failure instanceof CircuitBreakerOpenException || failure instanceof TimeoutException;
        return of(service, failure, reasonOf(failure), expected);
    }

    /**
     * @param expected true when the stack trace would say nothing more than the reason (open breaker,
     *                 timeout, an answer the caller did not accept)
     */
    public static ProblemException of(String service, RuntimeException failure, String reason, boolean expected) {
        if (expected) {
            LOG.warnf("%s call failed: %s", service, reason);
        } else {
            LOG.warnf(failure, "%s call failed: %s", service, reason);
        }
        return new ProblemException(503, CODE, "Service unavailable", service + " is unavailable: " + reason, null);
    }

    static String reasonOf(RuntimeException e) {
        if (e instanceof CircuitBreakerOpenException) {
            return "too many recent failures, calls are suspended for a few seconds";
        }
        if (e instanceof TimeoutException) {
            return "no answer in time";
        }
        if (e instanceof WebApplicationException wae && wae.getResponse() != null) {
            return "it answered HTTP " + wae.getResponse().getStatus();
        }
        // The exception's own words name Java classes and internal addresses ("ProcessingException:
        // io.netty...AnnotatedConnectException: Connection refused: /10.0.3.7:8081"): the answer says what
        // happened, the log (above) has the rest.
        Throwable t = e;
        for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof ConnectException) {
                return "it refuses connections";
            }
            if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return "no answer in time";
            }
            if (t instanceof IOException) {
                return "the connection to it failed";
            }
        }
        return "the call failed";
    }
}
