package vn.planflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.planflow.PlanflowIntegrationTest;

/** One test per path of {@code plan-approval}, driven as the demo officials would. */
@PlanflowIntegrationTest
class PlanApprovalProcessTest {

  @Autowired PlanApprovalDriver driver;
  @Autowired PlanViews views;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** Drafting, review and one consultation round of the ward plan answered by its one unit. */
  private void throughConsultation(String code) {
    driver.createWardPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien",
        vars("consultedUnits", List.of("yh-pvhxh"), "consultationDays", 5));
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", vars("approved", true, "comment", "Đồng ý"));
    driver.complete(code, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien",
        vars("opinion", "AGREE_WITH_COMMENTS", "comment", "Bổ sung nội dung tuyên truyền trong trường học"));
  }

  /** … then synthesis, the Tờ trình and the office's choice of vote slips, signed by yh.pct1. */
  private void throughSubmission(String code, String signer) {
    throughConsultation(code);
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", vars("reconsult", false));
    driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", vars("approved", true));
    driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
        vars("decision", "VOTE_SLIP", "signer", signer, "voteDays", 2));
  }

  private static final List<String> WARD_COMMITTEE = List.of(
      "yh.chutich", "yh.pct1", "yh.pct2", "kt.truongphong", "vhxh.truongphong", "yh.congan", "yh.quansu");

  private void vote(String code, String member, String vote) {
    driver.completeTask(driver.openTasks(code, PlanApproval.CAST_VOTE).stream()
        .filter(t -> member.equals(t.getAssignee())).findFirst().orElseThrow(), member, vars("vote", vote));
  }

  @Test
  void happyPathIssuesThePlanWithItsNumberAndStartsReporting() {
    String code = "KH-TEST-HAPPY";
    throughSubmission(code, "yh.pct1");
    assertThat(driver.plan(code).getStatus()).isEqualTo(PlanStatus.VOTING);
    assertThat(driver.openTasks(code, PlanApproval.CAST_VOTE)).hasSize(7);

    for (String member : WARD_COMMITTEE.subList(0, 4)) {
      vote(code, member, "AGREE");
    }
    // 4 of 7 agree: more than half of the roster, the outcome cannot change any more.
    assertThat(driver.openTasks(code, PlanApproval.CAST_VOTE)).isEmpty();
    driver.complete(code, PlanApproval.SIGN_PLAN, "yh.pct1", vars("decision", "SIGN"));
    driver.complete(code, PlanApproval.ISSUE_PLAN, "yh.vanthu", vars());

    PlanView plan = views.of(code);
    assertThat(plan.status()).isEqualTo("IN_EFFECT");
    assertThat(plan.number()).matches("\\d+/KH-UBND");
    assertThat(plan.submissionNumber()).matches("\\d+/TTr-KTHTĐT");
    assertThat(plan.signer().signatureBlock())
        .containsExactly("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vũ Minh Dũng");
    assertThat(plan.voteResult()).isEqualTo("PASSED");
    assertThat(plan.voteRecord().rosterSize()).isEqualTo(7);
    assertThat(plan.voteRecord().agree()).isEqualTo(4);
    assertThat(plan.voteRecord().unreturned()).isEqualTo(3);
    assertThat(plan.consultations()).singleElement()
        .satisfies(o -> assertThat(o.opinion()).isEqualTo("AGREE_WITH_COMMENTS"));
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PlanApproval.REPORTING_PROCESS)
        .processInstanceBusinessKey(code).count()).isEqualTo(1);
    // Both units that lead a task acknowledge receipt; then the approval ends.
    assertThat(driver.openTasks(code, PlanApproval.ACKNOWLEDGE_RECEIPT)).hasSize(2);
    driver.completeTask(driver.openTasks(code, PlanApproval.ACKNOWLEDGE_RECEIPT).get(0),
        ackOfficial(code, 0), vars("ownPlanRequired", false));
    driver.completeTask(driver.openTasks(code, PlanApproval.ACKNOWLEDGE_RECEIPT).get(0),
        ackOfficial(code, 0), vars("ownPlanRequired", false));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(PlanApproval.PROCESS).count()).isZero();
  }

  /** A specialist of the unit an open acknowledgement is for. */
  private String ackOfficial(String code, int index) {
    var task = driver.openTasks(code, PlanApproval.ACKNOWLEDGE_RECEIPT).get(index);
    String unit = (String) runtimeService.getVariable(task.getExecutionId(), PlanApproval.UNIT);
    return switch (unit) {
      case "yh-pkthtdt" -> "kt.chuyenvien";
      case "yh-pvhxh" -> "vhxh.chuyenvien";
      case "hn-sct" -> "sct.chuyenvien";
      case "yh-ubnd" -> "yh.pct2";
      default -> throw new IllegalStateException(unit);
    };
  }

  @Test
  void returnsTheDraftToTheSpecialistWhenTheLeaderDoesNotApprove() {
    String code = "KH-TEST-DRAFT-RETURNED";
    driver.createWardPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", vars("consultedUnits", List.of("yh-pvhxh")));
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong",
        vars("approved", false, "comment", "Bổ sung chỉ tiêu"));

    assertThat(driver.task(code, PlanApproval.DRAFT_PLAN)).isNotNull();
    assertThat(driver.plan(code).getStatus()).isEqualTo(PlanStatus.DRAFTING);
  }

  @Test
  void silenceCountsAsAgreementAtTheConsultationDeadline() {
    String code = "KH-TEST-SILENCE";
    driver.createWardPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien",
        vars("consultedUnits", List.of("yh-pvhxh", "yh-htx-yenhoa"), "consultationDays", 3));
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", vars("approved", true));
    driver.completeTask(driver.taskOf(code, PlanApproval.GIVE_OPINION, PlanApproval.UNIT, "yh-pvhxh"),
        "vhxh.chuyenvien", vars("opinion", "AGREE"));
    assertThat(driver.plan(code).getStatus()).isEqualTo(PlanStatus.CONSULTING);

    driver.moveClockBy(Duration.ofDays(10));
    driver.executeJobs();

    assertThat(driver.task(code, PlanApproval.SYNTHESIZE_OPINIONS)).isNotNull();
    PlanView plan = views.of(code);
    assertThat(plan.consultations()).extracting(PlanView.OpinionView::unit, PlanView.OpinionView::opinion)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("yh-pvhxh", "AGREE"),
            org.assertj.core.groups.Tuple.tuple("yh-htx-yenhoa", "NO_RESPONSE"));
  }
}
