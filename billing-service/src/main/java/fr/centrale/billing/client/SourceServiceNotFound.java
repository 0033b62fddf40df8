package fr.centrale.billing.client;

/**
 * membership-service or convention-service answered 404. For a single organisation or purchasing
 * body this is an answer, not a failure of the dependency: it is neither retried nor counted by the
 * circuit breakers (see {@link SourceCalls}). Where the resource must exist (a list, a feed, the
 * schedule of a source just listed), {@link SourceDirectory} still reports it as a 503.
 */
class SourceServiceNotFound extends RuntimeException {

    SourceServiceNotFound(String detail) {
        super(detail, null, false, false);
    }
}
