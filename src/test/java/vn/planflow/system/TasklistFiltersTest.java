package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;

/**
 * The five shared Tasklist filters, opened through Camunda REST as Tasklist does: each official
 * sees them all and each computes its list for whoever opens it — "Sắp đến hạn" in working days.
 */
@PlanflowIntegrationTest
class TasklistFiltersTest {

  private static final String UNIT_WORK = "filter-probe-unit-work";
  private static final String VOTE = "filter-probe-vote";
  private static final String ASSIGNED = "filter-probe-assigned";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TestRestTemplate rest;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired ObjectMapper json;

  @BeforeEach
  void deployProbes() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(UNIT_WORK).count() == 0) {
      repositoryService.createDeployment()
          .addModelInstance(UNIT_WORK + ".bpmn", Bpmn.createExecutableProcess(UNIT_WORK).camundaHistoryTimeToLive(1)
              .startEvent().userTask("Task_UnitWork").name("${name}").camundaCandidateGroups("${unit}_staff")
              .camundaDueDate("${due}").endEvent().done())
          .addModelInstance(VOTE + ".bpmn", Bpmn.createExecutableProcess(VOTE).camundaHistoryTimeToLive(1)
              .startEvent().userTask("castVote").name("${name}").camundaAssignee("${member}")
              .camundaDueDate("${due}").endEvent().done())
          .addModelInstance(ASSIGNED + ".bpmn", Bpmn.createExecutableProcess(ASSIGNED).camundaHistoryTimeToLive(1)
              .startEvent().userTask("Task_Assigned").name("${name}").camundaAssignee("${member}")
              .camundaDueDate("${due}").endEvent().done())
          .deploy();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private void unitTask(String name, String unit, String due) {
    runtimeService.startProcessInstanceByKey(UNIT_WORK, Map.of("name", name, "unit", unit, "due", due));
  }

  /** Tasks this test makes (other tests sharing the context leave tasks of their own). */
  private static final java.util.Set<String> PROBES = java.util.Set.of("Việc hạn 6/5", "Việc hạn 7/5",
      "Việc quá hạn 28/4", "Việc của phòng khác hạn 4/5", "Phiếu của trưởng phòng",
      "Việc đơn vị hạn 12/6", "Việc giao riêng hạn 15/6", "Việc đơn vị hạn 19/6", "Việc phòng khác hạn 11/6",
      "Việc đồng nghiệp đã nhận hạn 10/6");

  /** The names of this test's tasks that a filter lists for this official. */
  private List<String> list(String user, String filterName) {
    OfficialClient official = OfficialClient.demo(rest, json, user);
    String id = null;
    for (JsonNode filter : official.getJson("/engine-rest/filter?resourceType=Task")) {
      if (filter.get("name").asText().equals(filterName)) {
        id = filter.get("id").asText();
      }
    }
    assertThat(id).as(user + " sees filter " + filterName).isNotNull();
    List<String> names = new ArrayList<>();
    official.getJson("/engine-rest/filter/" + id + "/list").forEach(task -> names.add(task.get("name").asText()));
    names.retainAll(PROBES);
    return names;
  }

  @Test
  void everyOfficialSeesTheFiveFilters() {
    List<String> names = new ArrayList<>();
    OfficialClient.demo(rest, json, "htx-trunghoa.nhanvien").getJson("/engine-rest/filter?resourceType=Task")
        .forEach(filter -> names.add(filter.get("name").asText()));
    assertThat(names).contains("Việc cần xử lý", "Việc của tôi", "Việc của đơn vị", "Sắp đến hạn", "Quá hạn",
        "Phiếu biểu quyết");
  }

  /**
   * Tasklist opens the filter of lowest priority: "Việc cần xử lý", the official's own tasks and
   * their units' unclaimed ones, soonest due first, each listed with the plan's code and title —
   * and never another unit's work, through a filter or around it.
   */
  @Test
  void theFilterTasklistOpensFirstListsTheOfficialsAndTheirUnitsWorkSoonestDueFirst() {
    unitTask("Việc đơn vị hạn 19/6", "yh-pkthtdt", "2026-06-19T17:00:00");
    unitTask("Việc đơn vị hạn 12/6", "yh-pkthtdt", "2026-06-12T17:00:00");
    unitTask("Việc phòng khác hạn 11/6", "yh-pvhxh", "2026-06-11T17:00:00");
    runtimeService.startProcessInstanceByKey(ASSIGNED, Map.of("name", "Việc giao riêng hạn 15/6",
        "member", "kt.chuyenvien", "due", "2026-06-15T17:00:00"));
    unitTask("Việc đồng nghiệp đã nhận hạn 10/6", "yh-pkthtdt", "2026-06-10T17:00:00");
    org.camunda.bpm.engine.task.Task claimed = taskService.createTaskQuery()
        .taskName("Việc đồng nghiệp đã nhận hạn 10/6").singleResult();
    taskService.setAssignee(claimed.getId(), "kt.truongphong");

    assertThat(list("kt.chuyenvien", "Việc cần xử lý"))
        .containsExactly("Việc đơn vị hạn 12/6", "Việc giao riêng hạn 15/6", "Việc đơn vị hạn 19/6");
    assertThat(list("vhxh.chuyenvien", "Việc cần xử lý")).containsExactly("Việc phòng khác hạn 11/6");
    assertThat(list("kt.truongphong", "Việc cần xử lý")).contains("Việc đồng nghiệp đã nhận hạn 10/6")
        .doesNotContain("Việc phòng khác hạn 11/6");

    // Around the filters, Camunda REST shows the official no task of another unit either.
    OfficialClient official = OfficialClient.demo(rest, json, "kt.chuyenvien");
    List<String> visible = new ArrayList<>();
    official.getJson("/engine-rest/task?processDefinitionKey=" + UNIT_WORK + "&maxResults=1000")
        .forEach(task -> visible.add(task.get("name").asText()));
    assertThat(visible).contains("Việc đơn vị hạn 12/6").doesNotContain("Việc phòng khác hạn 11/6");

    JsonNode first = null;
    for (JsonNode filter : official.getJson("/engine-rest/filter?resourceType=Task&sortBy=name&sortOrder=asc")) {
      if (first == null || filter.at("/properties/priority").asInt() < first.at("/properties/priority").asInt()) {
        first = filter;
      }
    }
    assertThat(first.get("name").asText()).isEqualTo("Việc cần xử lý");
    assertThat(first.at("/properties/variables").findValuesAsText("name")).containsExactly("planCode", "planTitle");
    assertThat(first.at("/properties/variables").findValuesAsText("label")).containsExactly("Mã kế hoạch", "Kế hoạch");
  }

  @Test
  void dueSoonCountsWorkingDaysAndOverdueAndVoteSlipsAreTheOfficialsOwn() {
    // Wednesday 29/4/2026: 30/4 and 1/5 are holidays, so three working days reach Wednesday 6/5.
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-04-29 10:00:00"));
    unitTask("Việc hạn 6/5", "yh-pkthtdt", "2026-05-06T15:00:00");
    unitTask("Việc hạn 7/5", "yh-pkthtdt", "2026-05-07T09:00:00");
    unitTask("Việc quá hạn 28/4", "yh-pkthtdt", "2026-04-28T17:00:00");
    unitTask("Việc của phòng khác hạn 4/5", "yh-pvhxh", "2026-05-04T09:00:00");
    runtimeService.startProcessInstanceByKey(VOTE, Map.of("name", "Phiếu của trưởng phòng", "member", "kt.truongphong",
        "due", "2026-05-04T17:00:00"));

    assertThat(list("kt.chuyenvien", "Sắp đến hạn")).containsExactly("Việc hạn 6/5");
    assertThat(list("kt.chuyenvien", "Quá hạn")).containsExactly("Việc quá hạn 28/4");
    assertThat(list("kt.chuyenvien", "Phiếu biểu quyết")).isEmpty();
    assertThat(list("kt.truongphong", "Phiếu biểu quyết")).containsExactly("Phiếu của trưởng phòng");
    assertThat(list("kt.truongphong", "Sắp đến hạn")).containsExactly("Phiếu của trưởng phòng");
    assertThat(list("vhxh.chuyenvien", "Sắp đến hạn")).containsExactly("Việc của phòng khác hạn 4/5");

    // A week later the 6/5 task is overdue too.
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-05-07 08:00:00"));
    assertThat(list("kt.chuyenvien", "Quá hạn")).containsExactly("Việc quá hạn 28/4", "Việc hạn 6/5");
    assertThat(list("kt.chuyenvien", "Sắp đến hạn")).containsExactly("Việc hạn 7/5");
  }
}
