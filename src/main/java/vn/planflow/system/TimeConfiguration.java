package vn.planflow.system;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** All dates and timers of planflow are in Vietnam's time zone (CONTRACT §1). */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Bean
  Clock clock() {
    return Clock.system(VIETNAM);
  }
}
