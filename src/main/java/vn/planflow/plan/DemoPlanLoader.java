package vn.planflow.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * With the demo organization, the Yên Hòa ward 2026 plan waits in drafting for the ward's
 * specialist ({@code kt.chuyenvien}), so a newcomer can take it to issue in Tasklist alone.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = {"planflow.demo.enabled", "planflow.demo.plan.enabled"}, havingValue = "true")
class DemoPlanLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoPlanLoader.class);
  static final String DRAFTER = "kt.chuyenvien";

  private final PlanService plans;
  private final PlanRepository repository;
  private final ObjectMapper objectMapper;
  private final Resource plan;

  DemoPlanLoader(PlanService plans, PlanRepository repository, ObjectMapper objectMapper,
      @Value("${planflow.demo.plan:classpath:demo/yen-hoa-2026-plan.json}") Resource plan) {
    this.plans = plans;
    this.repository = repository;
    this.objectMapper = objectMapper;
    this.plan = plan;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    PlanRequest request;
    try (InputStream in = plan.getInputStream()) {
      request = objectMapper.readValue(in, PlanRequest.class);
    }
    if (repository.existsById(request.code())) {
      return;
    }
    plans.create(request, DRAFTER);
    log.info("Demo plan {} is waiting for {} in Tasklist", request.code(), DRAFTER);
  }
}
