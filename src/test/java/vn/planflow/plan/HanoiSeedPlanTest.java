package vn.planflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;

/**
 * The Hà Nội 2025 seed plan, all 13 appendix tasks, from draft to issued over the real REST
 * APIs, each step by the official whose step it is; jobs run through the REST API as the
 * administrator would in Cockpit.
 */
@PlanflowIntegrationTest
class HanoiSeedPlanTest {

  private static final String CODE = "KH-SXTDBV-HN-2025";
  private static final List<String> CONSULTED = List.of(
      "hn-stnmt", "hn-skhcn", "hn-sgtvt", "hn-snnptnt", "hn-stttt", "hn-stc", "hn-sngv", "hn-btdkt");
  private static final Map<String, String> SPECIALIST_OF = Map.of(
      "hn-stnmt", "stnmt.chuyenvien", "hn-skhcn", "skhcn.chuyenvien", "hn-sgtvt", "sgtvt.chuyenvien",
      "hn-snnptnt", "snnptnt.chuyenvien", "hn-stttt", "stttt.chuyenvien", "hn-stc", "stc.chuyenvien",
      "hn-sngv", "sngv.chuyenvien", "hn-btdkt", "btdkt.chuyenvien");

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired vn.planflow.org.CommitteeRules committeeRules;
  @Autowired RuntimeService runtimeService;

  private OfficialClient as(String user) {
    return OfficialClient.demo(rest, json, user);
  }

  private void step(String user, String taskKey, Map<String, Object> variables) {
    var response = as(user).complete(as(user).taskId(CODE, taskKey), variables);
    assertThat(response.getStatusCode()).as(user + " " + taskKey + ": " + response.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
    runJobs();
  }

  private void runJobs() {
    as("admin").executeDueJobs();
  }

  @BeforeEach
  void whenTheSeedWasDrafted() {
    // Tờ trình số 4684/TTr-SCT ngày 26/9/2024: the plan went through approval in autumn 2024.
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2024-10-01 08:30:00"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theSeedPlanGoesFromDraftToIssuedOverRest() throws Exception {
    String plan = new ClassPathResource("seeds/hanoi-2025-plan.json").getContentAsString(StandardCharsets.UTF_8);
    assertThat(as("sct.chuyenvien").send(HttpMethod.POST, "/api/plans", plan, MediaType.APPLICATION_JSON)
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String csv = new ClassPathResource("seeds/hanoi-2025-appendix.csv").getContentAsString(StandardCharsets.UTF_8);
    assertThat(as("sct.chuyenvien").send(HttpMethod.PUT, "/api/plans/" + CODE + "/tasks", csv,
        MediaType.parseMediaType("text/csv;charset=UTF-8")).getStatusCode()).isEqualTo(HttpStatus.OK);

    step("sct.chuyenvien", PlanApproval.DRAFT_PLAN, Map.of("consultedUnits", CONSULTED, "consultationDays", 7));
    step("sct.phogiamdoc", PlanApproval.REVIEW_DRAFT, Map.of("approved", true, "comment", "Đồng ý gửi lấy ý kiến"));
    for (String unit : CONSULTED) {
      step(SPECIALIST_OF.get(unit), PlanApproval.GIVE_OPINION, unit.equals("hn-stc")
          ? Map.of("opinion", "AGREE_WITH_COMMENTS", "comment", "Đề nghị ghi rõ nguồn chi thường xuyên ngân sách cấp Thành phố")
          : Map.of("opinion", "AGREE"));
    }
    step("sct.chuyenvien", PlanApproval.SYNTHESIZE_OPINIONS, Map.of("reconsult", false));
    step("sct.giamdoc", PlanApproval.APPROVE_SUBMISSION, Map.of("approved", true));
    // Eight of fifteen agree: the city's rules here close voting early once that decides it.
    committeeRules.closeVotingEarly("hn-ubnd", true);
    try {
      step("hn.vanphong", PlanApproval.REVIEW_SUBMISSION,
          Map.of("decision", "VOTE_SLIP", "signer", "hn.pct1", "voteDays", 3));
    } finally {
      committeeRules.restoreDefaults();
    }
    for (String member : List.of("hn.chutich", "hn.pct1", "hn.pct2", "hn.pct3", "hn.pct4", "hn.cvp",
        "sct.giamdoc", "stnmt.giamdoc")) {
      step(member, PlanApproval.CAST_VOTE, Map.of("vote", "AGREE"));
    }
    step("hn.pct1", PlanApproval.SIGN_PLAN, Map.of("decision", "SIGN"));
    step("hn.vanthu", PlanApproval.ISSUE_PLAN, Map.of());
    step("sct.chuyenvien", PlanApproval.ACKNOWLEDGE_RECEIPT, Map.of("ownPlanRequired", false));

    JsonNode issued = as("stnmt.chuyenvien").getJson("/api/plans/" + CODE);
    assertThat(issued.get("status").asText()).isEqualTo("IN_EFFECT");
    // The first plan of UBND thành phố and the first Tờ trình of Sở Công Thương in 2024.
    assertThat(issued.get("number").asText()).isEqualTo("01/KH-UBND");
    assertThat(issued.get("issuedOn").asText()).isEqualTo("2024-10-01");
    assertThat(issued.get("submissionNumber").asText()).isEqualTo("01/TTr-SCT");
    assertThat(issued.at("/signer/name").asText()).isEqualTo("Lê Mạnh Quân");
    assertThat(issued.at("/signer/signatureBlock/1").asText()).isEqualTo("KT. CHỦ TỊCH");
    assertThat(issued.get("voteResult").asText()).isEqualTo("PASSED");
    assertThat(issued.at("/voteRecord/rosterSize").asInt()).isEqualTo(15);
    assertThat(issued.at("/voteRecord/agree").asInt()).isEqualTo(8);
    assertThat(issued.get("tasks")).hasSize(13);
    assertThat(issued.at("/tasks/12/name").asText()).startsWith("Hỗ trợ cung cấp thông tin, hướng dẫn");
    assertThat(issued.get("targets")).hasSize(6);
    assertThat(issued.get("consultations")).hasSize(8);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CODE)
        .processDefinitionKey(PlanApproval.PROCESS).count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CODE)
        .processDefinitionKey(PlanApproval.REPORTING_PROCESS).count()).isEqualTo(1);
  }
}
