package vn.planflow.system;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the database ({@code "database"} in {@code /actuator/health} and the readiness group),
 * in place of Spring Boot's {@code db} indicator: that one waits for a connection as long as the
 * pool does, so a load balancer asking during an outage got no answer for seconds. This one
 * answers DOWN once {@code planflow.health.database-timeout} has passed, whatever the driver is
 * still waiting for; concurrent probes share one check in flight.
 */
@Component("databaseHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator, DisposableBean {

  private final DataSource dataSource;
  private final Duration timeout;
  private final ExecutorService checks = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "database-health");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicReference<CompletableFuture<Health>> inFlight = new AtomicReference<>();

  DatabaseHealthIndicator(DataSource dataSource,
      @Value("${planflow.health.database-timeout:2s}") Duration timeout) {
    this.dataSource = dataSource;
    this.timeout = timeout;
  }

  @Override
  public Health health() {
    CompletableFuture<Health> check = inFlight.updateAndGet(current ->
        current != null && !current.isDone() ? current : CompletableFuture.supplyAsync(this::check, checks));
    try {
      return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Health.down().withDetail("error", "no answer within " + timeout.toMillis() + " ms").build();
    } catch (ExecutionException e) {
      return Health.down(e.getCause()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down(e).build();
    }
  }

  private Health check() {
    int seconds = (int) Math.max(1, timeout.toSeconds());
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(seconds)) {
        return Health.down().withDetail("error", "connection not valid").build();
      }
      return Health.up().withDetail("database", connection.getMetaData().getDatabaseProductName()).build();
    } catch (Exception e) {
      return Health.down().withDetail("error", DatabaseUnavailableFilter.rootMessage(e)).build();
    }
  }

  @Override
  public void destroy() {
    checks.shutdownNow();
  }
}
