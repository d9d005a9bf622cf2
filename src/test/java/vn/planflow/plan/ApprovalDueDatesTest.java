package vn.planflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.calendar.EngineClock;
import vn.planflow.calendar.WorkingDayCalendar;

/**
 * Every approval task is due a number of working days after it is created, by the issuing
 * committee's settings (Yên Hòa: drafting 7, review 2, synthesis 3, Tờ trình 2, office review 3,
 * signing 2, issuing 1; Hà Nội: the defaults, drafting 10), counted over Tết, 30/4–1/5, Quốc
 * khánh and 1/1 — at 23:59:59 of the last working day.
 */
@PlanflowIntegrationTest
class ApprovalDueDatesTest {

  @Autowired PlanApprovalDriver driver;
  @Autowired WorkingDayCalendar calendar;
  @Autowired TaskService taskService;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  private void at(String localDateTime) {
    driver.moveClockTo(Timestamp.valueOf(localDateTime));
  }

  private LocalDateTime dueOf(String code, String taskKey) {
    Task task = driver.task(code, taskKey);
    assertThat(task.getDueDate()).as(taskKey + " has a due date").isNotNull();
    return task.getDueDate().toInstant().atZone(EngineClock.VIETNAM).toLocalDateTime();
  }

  private static LocalDateTime endOf(int year, int month, int day) {
    return LocalDate.of(year, month, day).atTime(23, 59, 59);
  }

  @Test
  void theHolidaysTheseDeadlinesCrossAreHolidays() {
    // Tết Bính Ngọ: 16/2 (the last day of the lunar year) to 20/2/2026 (mùng 4).
    for (int day = 16; day <= 20; day++) {
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, day))).as("%d/2/2026", day).isFalse();
    }
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 30))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 1))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 1))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
  }

  @Test
  void everyApprovalTaskIsDueInTheWardsWorkingDays() {
    String code = "KH-TEST-DUE-WARD";
    // Thursday 12/2/2026, before Tết: 7 working days are 13/2, then 23/2 … 27/2 and 2/3.
    at("2026-02-12 09:00:00");
    driver.createWardPlan(code);
    assertThat(dueOf(code, PlanApproval.DRAFT_PLAN)).isEqualTo(endOf(2026, 3, 2));

    // Tuesday 28/4: 2 working days are 29/4 and, after 30/4, 1/5 and the weekend, 4/5.
    at("2026-04-28 10:00:00");
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien",
        Map.of("consultedUnits", List.of("yh-pvhxh"), "consultationDays", 5));
    assertThat(dueOf(code, PlanApproval.REVIEW_DRAFT)).isEqualTo(endOf(2026, 5, 4));

    // Returned on 29/4: the draft is due again 7 working days later, 12/5.
    at("2026-04-29 14:00:00");
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong",
        Map.of("approved", false, "comment", "Bổ sung kinh phí"));
    assertThat(dueOf(code, PlanApproval.DRAFT_PLAN)).isEqualTo(endOf(2026, 5, 12));

    at("2026-05-04 08:00:00");
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien",
        Map.of("consultedUnits", List.of("yh-pvhxh"), "consultationDays", 5));
    assertThat(dueOf(code, PlanApproval.REVIEW_DRAFT)).isEqualTo(endOf(2026, 5, 6));
    at("2026-05-04 09:00:00");
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", Map.of("approved", true));

    // The consultation keeps its own deadline (5 working days: 11/5).
    assertThat(dueOf(code, PlanApproval.GIVE_OPINION)).isEqualTo(endOf(2026, 5, 11));
    at("2026-05-05 09:00:00");
    driver.complete(code, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien", Map.of("opinion", "AGREE"));
    assertThat(dueOf(code, PlanApproval.SYNTHESIZE_OPINIONS)).isEqualTo(endOf(2026, 5, 8));

    // Friday 28/8: 2 working days are 31/8 and, after Quốc khánh 1/9–2/9, 3/9.
    at("2026-08-28 10:00:00");
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", Map.of("reconsult", false));
    assertThat(dueOf(code, PlanApproval.APPROVE_SUBMISSION)).isEqualTo(endOf(2026, 9, 3));

    // Monday 31/8: 3 working days are 3/9, 4/9 and 7/9.
    at("2026-08-31 09:00:00");
    driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", Map.of("approved", true));
    assertThat(dueOf(code, PlanApproval.REVIEW_SUBMISSION)).isEqualTo(endOf(2026, 9, 7));

    at("2026-09-07 09:00:00");
    driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
        Map.of("decision", "MEETING", "signer", "yh.pct1"));
    assertThat(dueOf(code, PlanApproval.RECORD_MEETING_DECISION)).isEqualTo(endOf(2026, 9, 10));

    // Wednesday 30/12: 2 working days are 31/12 and, after 1/1/2027 and the weekend, 4/1/2027.
    at("2026-12-30 10:00:00");
    driver.complete(code, PlanApproval.RECORD_MEETING_DECISION, "yh.vanphong", Map.of("approved", true));
    assertThat(dueOf(code, PlanApproval.SIGN_PLAN)).isEqualTo(endOf(2027, 1, 4));

    at("2026-12-31 09:00:00");
    driver.complete(code, PlanApproval.SIGN_PLAN, "yh.pct1", Map.of("decision", "SIGN"));
    assertThat(dueOf(code, PlanApproval.ISSUE_PLAN)).isEqualTo(endOf(2027, 1, 4));

    at("2026-12-31 15:00:00");
    driver.complete(code, PlanApproval.ISSUE_PLAN, "yh.vanthu", Map.of());
    List<Task> receipts = driver.openTasks(code, PlanApproval.ACKNOWLEDGE_RECEIPT);
    assertThat(receipts).isNotEmpty();
    assertThat(receipts).allSatisfy(receipt -> assertThat(
        receipt.getDueDate().toInstant().atZone(EngineClock.VIETNAM).toLocalDateTime()).isEqualTo(endOf(2027, 1, 4)));
  }

  @Test
  void theCitysDraftTakesTheDefaultTenWorkingDays() {
    String code = "KH-TEST-DUE-CITY";
    // 13/2, then 23/2 … 27/2, 2/3 … 5/3.
    at("2026-02-12 09:00:00");
    driver.createCityPlan(code);
    assertThat(dueOf(code, PlanApproval.DRAFT_PLAN)).isEqualTo(endOf(2026, 3, 5));
  }
}
