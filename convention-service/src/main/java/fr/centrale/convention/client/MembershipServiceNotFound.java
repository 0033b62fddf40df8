package fr.centrale.convention.client;

/**
 * membership-service answered 404. This is an answer, not a failure of the dependency: it is
 * neither retried nor counted by the circuit breaker (see {@link MembershipCalls}).
 */
class MembershipServiceNotFound extends RuntimeException {

    MembershipServiceNotFound(String detail) {
        super(detail, null, false, false);
    }
}
