package fr.centrale.common.web;

import fr.centrale.common.problem.ProblemException;

/** Optimistic locking for updates: the {@code version} read, sent in the body or as If-Match. */
public final class Versions {

    private Versions() {
    }

    public static void check(long current, Long fromBody, Long fromIfMatch) {
        Long expected = fromBody != null ? fromBody : fromIfMatch;
        if (expected != null && expected != current) {
            throw ProblemException.conflict("STALE_VERSION", "Version " + expected + " is stale; the current version is "
                    + current + ": read the resource again and reapply the change");
        }
    }
}
