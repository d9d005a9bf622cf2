package vn.planflow;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL 15, started from Maven artifacts, for the second run of the suite
 * ({@code planflow.test.database=postgres}, set by the {@code postgres-test} Surefire execution).
 * Declared as beans so it lives exactly as long as the cached Spring context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "planflow.test.database", havingValue = "postgres")
public class EmbeddedPostgresConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    return EmbeddedPostgres.builder().start();
  }

  @Bean
  @Primary
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource =
        DataSourceBuilder.create()
            .type(HikariDataSource.class)
            .url(postgres.getJdbcUrl("postgres", "postgres"))
            .username("postgres")
            .password("postgres")
            .build();
    // At JVM exit the server may stop before the context closes: fail fast rather than wait 30 s.
    dataSource.setConnectionTimeout(5_000);
    return dataSource;
  }
}
