package fr.centrale.common.problem;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link ProblemMappers#unexpected} answers 503 DATABASE_UNAVAILABLE rather than 500: the failures seen when
 * the database stops, restarts or cannot be reached, however Hibernate, Agroal and Narayana wrap them.
 */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresHoweverWrapped() {
        // Connection refused while the server is down: PgJDBC's 08001, converted by Hibernate.
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("Connection refused"));
        assertThat(DatabaseUnavailable.isCauseOf(new JDBCConnectionException("Unable to acquire JDBC Connection", refused))).isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new PersistenceException("wrapped", refused))).isTrue();
        // An established connection the server closed (08006), under a generic Hibernate exception.
        assertThat(DatabaseUnavailable.isCauseOf(new GenericJDBCException("could not execute statement",
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException()))))
                .isTrue();
        // "terminating connection due to administrator command" (fast shutdown) and "the database system is starting up".
        assertThat(DatabaseUnavailable.isCauseOf(new GenericJDBCException("x", new SQLException("FATAL: terminating", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new GenericJDBCException("x", new SQLException("FATAL: starting up", "57P03")))).isTrue();
        // Agroal: no connection within the acquisition timeout (pool exhausted, or the server hangs).
        assertThat(DatabaseUnavailable.isCauseOf(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException())))).isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new SQLTransientConnectionException("gone"))).isTrue();
        // A commit whose connection broke: Narayana's RollbackException, the XAException and the SQLException suppressed or chained.
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException(XAException.XA_RBCOMMFAIL);
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        commit.addSuppressed(xa);
        assertThat(DatabaseUnavailable.isCauseOf(new RuntimeException(commit))).isTrue();
        // A socket failure beneath a JDBC exception without SQLState.
        assertThat(DatabaseUnavailable.isCauseOf(new PersistenceException(new SQLException("I/O", new SocketException("reset"))))).isTrue();
    }

    @Test
    void otherFailuresStayUnexpected() {
        assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new ConstraintViolationException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505"), "organisation_siret_key"))).isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new GenericJDBCException("syntax",
                new SQLException("syntax error at or near", "42601")))).isFalse();
        // Another service refusing the connection is not the database (DependencyUnavailable answers that one).
        assertThat(DatabaseUnavailable.isCauseOf(new RuntimeException(new ConnectException("Connection refused")))).isFalse();
        // A cause chain with a cycle ends.
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseUnavailable.isCauseOf(a)).isFalse();
    }

    @Test
    void answers503ProblemWithRetryAfterAndNothingOfTheInside() {
        Response response = new ProblemMappers().unexpected(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("Connection to 10.0.0.7:5432 refused", "08001")));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.code()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo("https://centrale.example/problems/database-unavailable");
        assertThat(problem.detail()).doesNotContain("JDBC", "10.0.0.7", "SQL", "Exception");

        Response bug = new ProblemMappers().unexpected(new IllegalStateException("bug"));
        assertThat(bug.getStatus()).isEqualTo(500);
    }
}
