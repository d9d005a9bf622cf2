package vn.planflow.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.planflow.calendar.EngineClock;

/** All dates and timers of planflow are in Vietnam's time zone and follow the engine's clock. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  @Bean
  Clock clock() {
    return new EngineClock();
  }
}
