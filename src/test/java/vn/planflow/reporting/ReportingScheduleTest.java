package vn.planflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.planflow.PlanflowIntegrationTest;

/** Periods of the Yên Hòa regime "06 tháng, hằng năm (trước ngày 15/6 và 15/12)". */
@PlanflowIntegrationTest
class ReportingScheduleTest {

  @Autowired ReportingSchedule schedule;

  @Test
  void aOneYearPlanHasAMidYearAndAnAnnualPeriodCountedInWorkingDays() {
    List<ReportingPeriod> periods =
        schedule.periods(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of("12-15", "06-15"));

    assertThat(periods).extracting(ReportingPeriod::id).containsExactly("2026-H1", "2026-Y");
    ReportingPeriod midYear = periods.get(0);
    assertThat(midYear.dueAt()).isEqualTo(OffsetDateTime.parse("2026-06-15T00:00+07:00"));
    // Monday 15/6/2026: ten working days back is Monday 1/6, five is Monday 8/6, one is Friday 12/6.
    assertThat(midYear.opensAt()).isEqualTo(OffsetDateTime.parse("2026-06-01T08:00+07:00"));
    assertThat(midYear.firstReminderAt()).isEqualTo(OffsetDateTime.parse("2026-06-08T08:00+07:00"));
    assertThat(midYear.lastReminderAt()).isEqualTo(OffsetDateTime.parse("2026-06-12T08:00+07:00"));
    // Five working days from the due time: 15 to 19/6; collection closes when Friday 19/6 ends.
    assertThat(midYear.closesAt()).isEqualTo(OffsetDateTime.parse("2026-06-20T00:00+07:00"));
    // Nghị định 09/2019: the six-month data run from 15/12 of the year before to 14/6.
    assertThat(midYear.cutOffFrom()).isEqualTo(LocalDate.of(2025, 12, 15));
    assertThat(midYear.cutOffTo()).isEqualTo(LocalDate.of(2026, 6, 14));
    assertThat(periods.get(1).cutOffTo()).isEqualTo(LocalDate.of(2026, 12, 14));
  }

  @Test
  void aFiveYearPlanHasTenPeriods() {
    List<ReportingPeriod> periods =
        schedule.periods(LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31), List.of("06-15", "12-15"));

    assertThat(periods).hasSize(10);
    assertThat(periods.get(9).id()).isEqualTo("2030-Y");
  }

  @Test
  void aPeriodWhoseDueTimeHasPassedIsSkippedAndOneThatShouldBeOpenOpensAtOnce() {
    List<ReportingPeriod> periods =
        schedule.periods(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of("06-15", "12-15"));
    OffsetDateTime issuedInJune = OffsetDateTime.parse("2026-06-10T10:00+07:00");

    assertThat(periods.get(0).skippedWhenStartingAt(issuedInJune)).isFalse();
    assertThat(periods.get(0).opensImmediatelyAt(issuedInJune)).isTrue();
    assertThat(periods.get(0).skippedWhenStartingAt(OffsetDateTime.parse("2026-07-01T10:00+07:00"))).isTrue();
    assertThat(periods.get(1).opensImmediatelyAt(issuedInJune)).isFalse();
  }

  @Test
  void anAdHocPeriodHasItsOwnDueDate() {
    ReportingPeriod adHoc = schedule.adHoc(2, LocalDate.of(2026, 9, 30));

    assertThat(adHoc.id()).isEqualTo("ADHOC-2");
    assertThat(adHoc.dueAt()).isEqualTo(OffsetDateTime.parse("2026-09-30T00:00+07:00"));
  }
}
