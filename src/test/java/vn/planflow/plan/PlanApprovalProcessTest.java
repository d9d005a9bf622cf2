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
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestExecutionListeners;
import vn.planflow.PlanflowIntegrationTest;

/**
 * One test per path of {@code plan-approval}, driven as the demo officials would. The class
 * fails if its tests cover less than 90 % of the model; the coverage report is written to
 * {@code target/process-test-coverage/}.
 */
@PlanflowIntegrationTest
@Import({ProcessEngineCoverageConfiguration.class, PlanApprovalProcessTest.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class PlanApprovalProcessTest {

  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties planApprovalCoverage() {
      return ProcessEngineCoverageProperties.Companion.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys(PlanApproval.REPORTING_PROCESS)
          .build();
    }
  }


  @Autowired PlanApprovalDriver driver;
  @Autowired vn.planflow.org.CommitteeRules committeeRules;
  @Autowired PlanViews views;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.TaskService taskService;

  @AfterEach
  void resetClock() {
    driver.resetClock();
    committeeRules.restoreDefaults();
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

  /**
   * … then synthesis, the Tờ trình and the office's choice of vote slips, signed by yh.pct1. These
   * walks vote only until the outcome is decided: the ward's rules here close voting early.
   */
  private void throughSubmission(String code, String signer) {
    throughConsultation(code);
    committeeRules.closeVotingEarly("yh-ubnd", true);
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", vars("reconsult", false));
    driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", vars("approved", true));
    driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
        vars("decision", "VOTE_SLIP", "signer", signer, "voteDays", 2));
  }

  /** The Hà Nội plan consulted with one unit, up to the office's decision (signer hn.pct1). */
  private void throughCitySubmission(String code, String consulted, String answeredBy, String decision) {
    driver.createCityPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "sct.chuyenvien", vars("consultedUnits", List.of(consulted)));
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "sct.phogiamdoc", vars("approved", true));
    driver.complete(code, PlanApproval.GIVE_OPINION, answeredBy, vars("opinion", "AGREE"));
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "sct.chuyenvien", vars("reconsult", false));
    driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "sct.giamdoc", vars("approved", true));
    driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "hn.vanphong",
        vars("decision", decision, "signer", "hn.pct1"));
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
    assertThat(plan.number()).matches("(0[1-9]|[1-9]\\d+)/KH-UBND");
    assertThat(plan.submissionNumber()).matches("(0[1-9]|[1-9]\\d+)/TTr-KTHTĐT");
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
    // The reminder before the deadline went by e-mail to the unit that had not answered.
    assertThat(jdbc.queryForList("select recipient_user from notification where event_key like 'consultation-reminder:%'"
        + " and body like ?", String.class, "%" + code + "%")).contains("htx-yenhoa.chunhiem", "htx-yenhoa.nhanvien")
        .doesNotContain("vhxh.chuyenvien");
    PlanView plan = views.of(code);
    assertThat(plan.consultations()).extracting(PlanView.OpinionView::unit, PlanView.OpinionView::opinion)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("yh-pvhxh", "AGREE"),
            org.assertj.core.groups.Tuple.tuple("yh-htx-yenhoa", "NO_RESPONSE"));
  }

  @Test
  void consultsAgainWhenTheSynthesisAsksForASecondRound() {
    String code = "KH-TEST-RECONSULT";
    throughConsultation(code);
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien",
        vars("reconsult", true, "consultedUnits", List.of("yh-pvhxh", "yh-htx-trunghoa")));

    assertThat(driver.plan(code).getStatus()).isEqualTo(PlanStatus.CONSULTING);
    assertThat(driver.plan(code).getConsultationRound()).isEqualTo(2);
    assertThat(driver.openTasks(code, PlanApproval.GIVE_OPINION)).hasSize(2);
    driver.completeTask(driver.taskOf(code, PlanApproval.GIVE_OPINION, PlanApproval.UNIT, "yh-pvhxh"),
        "vhxh.chuyenvien", vars("opinion", "AGREE"));
    driver.completeTask(driver.taskOf(code, PlanApproval.GIVE_OPINION, PlanApproval.UNIT, "yh-htx-trunghoa"),
        "htx-trunghoa.nhanvien", vars("opinion", "DISAGREE", "comment", "Chưa phù hợp với chợ"));

    assertThat(driver.task(code, PlanApproval.SYNTHESIZE_OPINIONS)).isNotNull();
    assertThat(views.of(code).consultations()).extracting(PlanView.OpinionView::round).containsExactly(1, 2, 2);
  }

  @Test
  void aFailedVoteGoesToTheMeetingWhichApproves() {
    String code = "KH-TEST-VOTE-FAILS";
    throughSubmission(code, "yh.pct1");
    for (String member : WARD_COMMITTEE.subList(0, 4)) {
      vote(code, member, "DISAGREE");
    }
    // 4 of 7 disagree: fewer than 4 can still agree, the vote cannot pass.
    assertThat(driver.openTasks(code, PlanApproval.CAST_VOTE)).isEmpty();
    assertThat(driver.plan(code).getStatus()).isEqualTo(PlanStatus.IN_MEETING);
    assertThat(views.of(code).voteResult()).isEqualTo("FAILED");

    driver.complete(code, PlanApproval.RECORD_MEETING_DECISION, "yh.vanphong", vars("approved", true));

    assertThat(driver.task(code, PlanApproval.SIGN_PLAN).getAssignee()).isEqualTo("yh.pct1");
    assertThat(driver.plan(code).getStatus()).isEqualTo(PlanStatus.SIGNING);
  }

  @Test
  void aMeetingThatRejectsSendsThePlanBackToSynthesis() {
    String code = "KH-TEST-MEETING-REJECTS";
    throughConsultation(code);
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", vars("reconsult", false));
    driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", vars("approved", true));
    driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
        vars("decision", "MEETING", "signer", "yh.chutich"));
    assertThat(driver.plan(code).getStatus()).isEqualTo(PlanStatus.IN_MEETING);

    driver.complete(code, PlanApproval.RECORD_MEETING_DECISION, "yh.vanphong", vars("approved", false));

    assertThat(driver.task(code, PlanApproval.SYNTHESIZE_OPINIONS)).isNotNull();
    assertThat(driver.plan(code).getStatus()).isEqualTo(PlanStatus.SYNTHESIZING);
  }

  @Test
  void returnsToSynthesisWhenTheSignerReturns() {
    String code = "KH-TEST-SIGNER-RETURNS";
    throughSubmission(code, "yh.pct2");
    for (String member : WARD_COMMITTEE.subList(0, 4)) {
      vote(code, member, "AGREE");
    }
    driver.complete(code, PlanApproval.SIGN_PLAN, "yh.pct2",
        vars("decision", "RETURN", "comment", "Làm rõ nguồn kinh phí"));

    assertThat(driver.task(code, PlanApproval.SYNTHESIZE_OPINIONS)).isNotNull();
  }

  @Test
  void theChairSignsInsteadOfAViceChairWithTheChairsSignatureBlock() {
    String code = "KH-TEST-CHAIR-SIGNS";
    throughSubmission(code, "yh.chutich");
    for (String member : WARD_COMMITTEE.subList(0, 4)) {
      vote(code, member, "AGREE");
    }
    driver.complete(code, PlanApproval.SIGN_PLAN, "yh.chutich", vars("decision", "SIGN"));
    driver.complete(code, PlanApproval.ISSUE_PLAN, "yh.vanthu", vars());

    assertThat(views.of(code).signer().signatureBlock())
        .containsExactly("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Hoàng Long");
  }

  @Test
  void theOfficeAndTheLeaderCanReturnTheSubmission() {
    String code = "KH-TEST-RETURNS";
    throughConsultation(code);
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", vars("reconsult", false));
    driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong",
        vars("approved", false, "comment", "Chưa tiếp thu ý kiến Phòng Văn hóa - Xã hội"));
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", vars("reconsult", false));
    driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", vars("approved", true));
    driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
        vars("decision", "RETURN", "comment", "Thiếu báo cáo đánh giá tác động"));

    assertThat(driver.task(code, PlanApproval.SYNTHESIZE_OPINIONS)).isNotNull();
    // The Tờ trình was numbered once, when the leader signed it.
    assertThat(views.of(code).submissionNumber()).matches("(0[1-9]|[1-9]\\d+)/TTr-KTHTĐT");
  }

  @Test
  void unreturnedSlipsCountAsAgreementAtTheDeadlineWhereTheWardsRulesSaySo() {
    String code = "KH-TEST-DEEMED-AGREE";
    throughSubmission(code, "yh.pct1");
    vote(code, "yh.chutich", "AGREE");
    vote(code, "yh.pct1", "DISAGREE");

    driver.moveClockBy(Duration.ofDays(7));
    driver.executeJobs();

    // 1 agree + 5 unreturned counted as agreement (Yên Hòa: deemedAgreeOnTimeout) of 7: passes.
    PlanView plan = views.of(code);
    assertThat(plan.voteResult()).isEqualTo("PASSED");
    assertThat(plan.voteRecord().closedAtDeadline()).isTrue();
    assertThat(plan.voteRecord().unreturned()).isEqualTo(5);
    assertThat(driver.task(code, PlanApproval.SIGN_PLAN)).isNotNull();
  }

  @Test
  void unreturnedSlipsDoNotCountWhereTheCommitteesRulesDoNot() {
    String code = "KH-TEST-CITY-DEADLINE";
    throughCitySubmission(code, "hn-stnmt", "stnmt.chuyenvien", "VOTE_SLIP");
    assertThat(driver.openTasks(code, PlanApproval.CAST_VOTE)).hasSize(15);
    for (String member : List.of("hn.chutich", "hn.pct1", "hn.pct2", "hn.pct3", "hn.pct4", "sct.giamdoc", "hn.cvp")) {
      driver.completeTask(driver.openTasks(code, PlanApproval.CAST_VOTE).stream()
          .filter(t -> member.equals(t.getAssignee())).findFirst().orElseThrow(), member, vars("vote", "AGREE"));
    }

    driver.moveClockBy(Duration.ofDays(8));
    driver.executeJobs();

    // 7 of 15 agree, 8 unreturned, Hà Nội does not count silence: not more than half.
    PlanView plan = views.of(code);
    assertThat(plan.voteResult()).isEqualTo("FAILED");
    assertThat(plan.voteRecord().agree()).isEqualTo(7);
    assertThat(driver.task(code, PlanApproval.RECORD_MEETING_DECISION)).isNotNull();
  }

  @Test
  void aWardThatMustMakeItsOwnPlanStartsAChildPlanFromItsAcknowledgement() {
    String code = "KH-TEST-PARENT";
    throughCitySubmission(code, "yh-ubnd", "yh.pct2", "MEETING");
    driver.complete(code, PlanApproval.RECORD_MEETING_DECISION, "hn.vanphong", vars("approved", true));
    driver.complete(code, PlanApproval.SIGN_PLAN, "hn.pct1", vars("decision", "SIGN"));
    driver.complete(code, PlanApproval.ISSUE_PLAN, "hn.vanthu", vars());

    driver.completeTask(driver.taskOf(code, PlanApproval.ACKNOWLEDGE_RECEIPT, PlanApproval.UNIT, "hn-sct"),
        "sct.chuyenvien", vars("ownPlanRequired", false));
    driver.completeTask(driver.taskOf(code, PlanApproval.ACKNOWLEDGE_RECEIPT, PlanApproval.UNIT, "yh-ubnd"),
        "yh.pct2", vars("ownPlanRequired", true, "childLeadUnit", "yh-pkthtdt"));

    String child = code + "-YH-UBND";
    PlanView childPlan = views.of(child);
    assertThat(childPlan.parentPlan()).isEqualTo(code);
    assertThat(childPlan.issuer()).isEqualTo("yh-ubnd");
    assertThat(childPlan.leadUnit()).isEqualTo("yh-pkthtdt");
    assertThat(childPlan.status()).isEqualTo("DRAFTING");
    assertThat(childPlan.legalBases().get(0)).contains(views.of(code).number());
    assertThat(driver.task(child, PlanApproval.DRAFT_PLAN)).isNotNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(PlanApproval.PROCESS).count()).isZero();
  }

  @Test
  void theSynthesisKeepsWhatWasAcceptedOrExplainedForEachComment() throws Exception {
    String code = "KH-TEST-SYNTHESIS";
    throughConsultation(code);
    var synthesis = driver.task(code, PlanApproval.SYNTHESIZE_OPINIONS);
    var table = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(taskService.getVariableLocal(synthesis.getId(), "opinions").toString());
    long opinionId = table.get(0).get("id").asLong();

    driver.completeTask(synthesis, "kt.chuyenvien", vars("reconsult", false, "opinions", List.of(Map.of(
        "id", opinionId, "accepted", false, "explanation", "Nội dung đã có tại nhiệm vụ 2, giữ nguyên dự thảo"))));

    PlanView.OpinionView opinion = views.of(code).consultations().get(0);
    assertThat(opinion.accepted()).isFalse();
    assertThat(opinion.explanation()).isEqualTo("Nội dung đã có tại nhiệm vụ 2, giữ nguyên dự thảo");
  }
}
