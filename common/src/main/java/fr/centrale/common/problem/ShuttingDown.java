package fr.centrale.common.problem;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * The service is stopping (SIGTERM, a rolling update, a scale-down): a request still under way when the
 * application closes its database sessions fails with whatever Hibernate or ArC throws at that moment. That is not
 * a fault of the request nor of the code: it answers 503 {@code SERVICE_STOPPING} with {@code Retry-After}, logged as
 * one warning line, instead of a 500 "Unexpected error". Nothing was written: the request's transaction could not
 * commit. Callers (billing-service's feeds) retry on 503 and the next replica answers.
 */
@ApplicationScoped
public class ShuttingDown {

    public static final String CODE = "SERVICE_STOPPING";
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(ShuttingDown.class);
    private static volatile boolean underWay;

    /**
     * A JVM shutdown hook runs as soon as SIGTERM arrives, alongside Quarkus's own, before any session is closed;
     * the {@code ShutdownEvent} covers a stop from inside (and a test's restart). A start clears the flag, for a
     * test JVM that starts the application again.
     */
    void onStart(@Observes StartupEvent event) {
        underWay = false;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> underWay = true, "centrale-stopping"));
    }

    void onShutdown(@Observes ShutdownEvent event) {
        underWay = true;
    }

    /** True once the application has begun to stop. */
    public static boolean isUnderWay() {
        return underWay;
    }

    /** The 503 answer for a request the stop interrupted. */
    public static Response response(Throwable failure) {
        LOG.warnf("Request interrupted by the service stopping, answered 503 %s: %s", CODE, failure.toString());
        Problem problem = new Problem(ProblemResponses.typeOf(CODE), "Service unavailable", 503,
                "The service is stopping; nothing was done, retry in a few seconds", CODE, null);
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))
                .entity(problem)
                .build();
    }
}
