package vn.planflow.system;

import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Under the {@code postgres} profile, refuses to start without a real admin password from
 * {@code PLANFLOW_ADMIN_PASSWORD}. It runs before any bean is made, so the engine never creates
 * the admin account with a default password.
 */
@Configuration(proxyBeanMethods = false)
@Profile("postgres")
class AdminPasswordGuard {

  static final String PROPERTY = "camunda.bpm.admin-user.password";
  private static final Set<String> DEMO_PASSWORDS = Set.of("admin", "demo");

  @Bean
  static BeanFactoryPostProcessor adminPasswordCheck(Environment environment) {
    return (ConfigurableListableBeanFactory beanFactory) -> check(environment.getProperty(PROPERTY));
  }

  static void check(String password) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "PLANFLOW_ADMIN_PASSWORD is not set: the postgres profile does not start without an admin password");
    }
    if (DEMO_PASSWORDS.contains(password)) {
      throw new IllegalStateException(
          "PLANFLOW_ADMIN_PASSWORD is a demo password: choose another one for the postgres profile");
    }
  }
}
