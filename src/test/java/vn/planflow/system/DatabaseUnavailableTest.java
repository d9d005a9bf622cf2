package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database is unreachable" (503), as seen in a PostgreSQL restart. */
class DatabaseUnavailableTest {

  @Test
  void noConnectionWithinHikarisTimeoutIsAnOutage() {
    assertThat(DatabaseUnavailable.isCauseOf(new CannotCreateTransactionException("Could not open JDBC Connection",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms",
            "08001")))).isTrue();
  }

  @Test
  void aServerShuttingDownOrARefusedConnectionIsAnOutage() {
    assertThat(DatabaseUnavailable.isCauseOf(new ProcessEngineException("persistence",
        new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
    assertThat(DatabaseUnavailable.isCauseOf(new RuntimeException(
        new SQLException("Connection to localhost:5432 refused", "08001")))).isTrue();
  }

  @Test
  void aRollbackOnTheBrokenConnectionThatHidesTheOriginalFailureIsAnOutage() {
    assertThat(DatabaseUnavailable.isCauseOf(new JpaSystemException(new TransactionException(
        "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
  }

  @Test
  void statementErrorsAreNot() {
    assertThat(DatabaseUnavailable.isCauseOf(new ProcessEngineException("persistence",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException("no register counter"))).isFalse();
  }
}
