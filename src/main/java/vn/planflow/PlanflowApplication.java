package vn.planflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;

/**
 * planflow: Vietnamese government implementation plans on Camunda 7. Accounts live in Camunda
 * identity only (see system.SecurityConfiguration), so Boot's generated in-memory user is off.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class PlanflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(PlanflowApplication.class, args);
  }
}
