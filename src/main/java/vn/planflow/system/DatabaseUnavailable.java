package vn.planflow.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What planflow answers when the database cannot be reached: {@code 503 Service Unavailable}
 * with a {@code Retry-After}, so officials, scripts and load balancers see a temporary outage
 * rather than a server fault (500) and try again. Used by {@link DatabaseUnavailableFilter} for
 * exceptions that leave a servlet and by {@link DatabaseUnavailableJersey} for those Camunda REST
 * maps itself.
 */
final class DatabaseUnavailable {

  static final String TITLE = "Hệ thống tạm thời gián đoạn";
  static final String DETAIL = "Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau ít phút";
  /** Seconds: about how long a database restart or a fail-over takes. */
  static final String RETRY_AFTER_SECONDS = "30";

  /**
   * SQLSTATE class 08 (connection exception) and PostgreSQL's 57P01-57P03 (server shutting down,
   * crashed, not yet accepting connections): the database, not the statement, is the problem.
   */
  private static boolean unreachableState(String sqlState) {
    return sqlState != null
        && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
            || sqlState.equals("57P03"));
  }

  private DatabaseUnavailable() {}

  /**
   * Whether the failure comes from an unreachable database anywhere in its causes: no connection
   * within Hikari's timeout, a refused or broken connection, a server shutting down.
   */
  static boolean isCauseOf(Throwable failure) {
    return isCauseOf(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean isCauseOf(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return false;
    }
    if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException
        || brokenPooledConnection(t)) {
      return true;
    }
    if (t instanceof SQLException sql) {
      for (SQLException next = sql; next != null && next != next.getNextException(); next = next.getNextException()) {
        if (unreachableState(next.getSQLState())) {
          return true;
        }
      }
    }
    // A rollback that fails on the broken connection replaces the exception that broke it.
    if (t instanceof TransactionSystemException rollback && isCauseOf(rollback.getApplicationException(), seen)) {
      return true;
    }
    for (Throwable suppressed : t.getSuppressed()) {
      if (isCauseOf(suppressed, seen)) {
        return true;
      }
    }
    return isCauseOf(t.getCause(), seen);
  }

  /**
   * Hikari closes a connection once the driver reports it broken (SQLSTATE 08…, 57P0…); using it
   * again, typically for the rollback after the failure, throws this SQLException without a state,
   * and Spring then reports the rollback failure in place of the original one.
   */
  private static boolean brokenPooledConnection(Throwable t) {
    return t instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
  }

  static ProblemDetail problem(String requestUri) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
    problem.setTitle(TITLE);
    problem.setInstance(URI.create(requestUri));
    return problem;
  }

  static String json(ObjectMapper objectMapper, String requestUri) {
    try {
      return objectMapper.writeValueAsString(problem(requestUri));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
