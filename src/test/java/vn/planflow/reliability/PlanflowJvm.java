package vn.planflow.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built application ({@code target/planflow-*.jar}, which exists in Maven's
 * {@code integration-test} phase) in a JVM of its own, on the {@code postgres} profile with the demo
 * organization, so that a test can kill it as an operator or a crash would ({@code kill -9}) and
 * start it again on the same database.
 */
final class PlanflowJvm {

  static final String ADMIN_PASSWORD = "Quan-tri-2026";

  private final String jdbcUrl;
  private final Path logDirectory;
  private final int port;
  private Process process;
  private int starts;

  PlanflowJvm(String jdbcUrl, Path logDirectory) {
    this.jdbcUrl = jdbcUrl;
    this.logDirectory = logDirectory;
    this.port = freePort();
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Starts the application and waits until its health is UP; returns how long that took. */
  Duration start() throws IOException, InterruptedException {
    Path jar = jar();
    Files.createDirectories(logDirectory);
    Path log = logDirectory.resolve("app-" + (++starts) + ".log");
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // C1 only and the serial collector: a start that costs less CPU on a shared CI machine;
        // what is tested is what survives a crash, not throughput.
        "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Ho_Chi_Minh",
        "-jar", jar.toString(),
        "--spring.profiles.active=postgres", "--server.port=" + port,
        "--planflow.mail.retry-interval=1h"));
    builder.environment().put("POSTGRES_URL", jdbcUrl);
    builder.environment().put("POSTGRES_USER", "postgres");
    builder.environment().put("POSTGRES_PASSWORD", "postgres");
    builder.environment().put("PLANFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
    builder.environment().put("PLANFLOW_DEMO_ENABLED", "true");
    builder.environment().put("PLANFLOW_SECURE_COOKIES", "false");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    long began = System.nanoTime();
    process = builder.start();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // Ten minutes: on a CI machine shared with other builds a start has taken over five.
    long until = System.currentTimeMillis() + 600_000;
    while (System.currentTimeMillis() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException("planflow exited with " + process.exitValue() + ", see " + log);
      }
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - began);
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("planflow not UP within 10 minutes, see " + log);
  }

  /** {@code kill -9}: no shutdown hook, no transaction finished, job locks left in the database. */
  void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** An orderly stop (SIGTERM) at the end of a test. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private static Path jar() throws IOException {
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("planflow-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(
              "target/planflow-*.jar missing: these tests run in the integration-test phase, after package"));
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
