package vn.planflow.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL 15 from Maven artifacts whose server can be stopped and started again on the
 * same data directory and port, as an operator restarting the database would: zonky keeps the
 * directory ({@code setCleanDataDirectory(false)}) and skips initdb where one exists.
 */
final class TestDatabase implements AutoCloseable {

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres postgres;

  TestDatabase(Path dataDirectory) throws IOException {
    this.dataDirectory = dataDirectory;
    this.port = PlanflowJvm.freePort();
    if (Files.exists(dataDirectory)) {
      try (var files = Files.walk(dataDirectory)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    start();
  }

  void start() throws IOException {
    postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  /** {@code pg_ctl stop} (fast: open connections are cut), keeping the data. */
  void stop() throws IOException {
    postgres.close();
    postgres = null;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
  }

  long count(String sql, Object... parameters) throws SQLException {
    return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
  }

  List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
            row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (postgres != null) {
      stop();
    }
  }
}
