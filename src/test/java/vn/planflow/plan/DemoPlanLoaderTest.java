package vn.planflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import vn.planflow.PlanflowIntegrationTest;

/** The demo's Yên Hòa plan waits in drafting for the ward's specialist, once. */
@PlanflowIntegrationTest
class DemoPlanLoaderTest {

  @Autowired PlanService plans;
  @Autowired PlanRepository repository;
  @Autowired ObjectMapper objectMapper;
  @Autowired PlanViews views;
  @Autowired TaskService taskService;

  @Test
  void theYenHoaPlanWaitsForTheWardsSpecialist() throws Exception {
    DemoPlanLoader loader = new DemoPlanLoader(plans, repository, objectMapper,
        new ClassPathResource("demo/yen-hoa-2026-plan.json"));

    loader.run(null);
    loader.run(null);

    PlanView plan = views.of("KH-SXTDBV-YH-2026");
    assertThat(plan.status()).isEqualTo("DRAFTING");
    assertThat(plan.issuerName()).isEqualTo("Ủy ban nhân dân phường Yên Hòa");
    assertThat(plan.tasks()).hasSize(6);
    assertThat(plan.tasks()).extracting(t -> t.leadUnit().code())
        .contains("yh-pkthtdt", "yh-pvhxh", "yh-htx-yenhoa", "yh-htx-trunghoa");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey("KH-SXTDBV-YH-2026")
        .taskDefinitionKey(PlanApproval.DRAFT_PLAN).taskCandidateUser("kt.chuyenvien").count()).isEqualTo(1);
  }
}
