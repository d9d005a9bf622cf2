package vn.planflow.reporting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.planflow.calendar.EngineClock;
import vn.planflow.calendar.WorkingDayCalendar;

/**
 * The reporting periods of a plan, from its period and its reporting deadlines ("06-15",
 * "12-15"): one per deadline for every year of the plan, the last deadline of a year being the
 * annual report. Opening, reminders and closing are counted in working days around the due time
 * (CONTRACT §5); the data cut-off windows follow Nghị định 09/2019, Art. 12 — from 15/12 of the
 * previous year to the day before the deadline.
 */
@Component
public class ReportingSchedule {

  static final int OPENS_BEFORE = 10;
  static final int FIRST_REMINDER_BEFORE = 5;
  static final int LAST_REMINDER_BEFORE = 1;
  static final int CLOSES_AFTER = 5;
  private static final LocalTime OFFICE_OPENS = LocalTime.of(8, 0);

  private final WorkingDayCalendar calendar;

  ReportingSchedule(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  public List<ReportingPeriod> periods(LocalDate planStart, LocalDate planEnd, List<String> deadlines) {
    List<MonthDay> days = deadlines.stream().map(d -> MonthDay.parse("--" + d)).sorted().toList();
    List<ReportingPeriod> periods = new ArrayList<>();
    for (int year = planStart.getYear(); year <= planEnd.getYear(); year++) {
      for (int i = 0; i < days.size(); i++) {
        boolean last = i == days.size() - 1;
        LocalDate deadline = days.get(i).atYear(year);
        periods.add(period(year + (last ? "-Y" : "-H" + (i + 1)), year, deadline));
      }
    }
    periods.sort(Comparator.comparing(ReportingPeriod::deadline));
    return periods;
  }

  /** An ad-hoc period with its own due date (CONTRACT §5: {@code ADHOC-n}). */
  public ReportingPeriod adHoc(int number, LocalDate dueDate) {
    return period("ADHOC-" + number, dueDate.getYear(), dueDate);
  }

  private ReportingPeriod period(String id, int year, LocalDate deadline) {
    OffsetDateTime dueAt = ZonedDateTime.of(deadline, LocalTime.MIDNIGHT, EngineClock.VIETNAM).toOffsetDateTime();
    return new ReportingPeriod(
        id,
        year,
        deadline,
        dueAt,
        morningOf(workingDaysBefore(deadline, OPENS_BEFORE)),
        morningOf(workingDaysBefore(deadline, FIRST_REMINDER_BEFORE)),
        morningOf(workingDaysBefore(deadline, LAST_REMINDER_BEFORE)),
        ZonedDateTime.of(calendar.plusWorkingDays(deadline.minusDays(1), CLOSES_AFTER).plusDays(1), LocalTime.MIDNIGHT,
            EngineClock.VIETNAM).toOffsetDateTime(),
        MonthDay.of(12, 15).atYear(deadline.getYear() - 1),
        deadline.minusDays(1));
  }

  /** The n-th working day before the due date (the due date itself not counted). */
  LocalDate workingDaysBefore(LocalDate due, int n) {
    LocalDate day = due;
    for (int counted = 0; counted < n; ) {
      day = day.minusDays(1);
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  private static OffsetDateTime morningOf(LocalDate day) {
    return ZonedDateTime.of(day, OFFICE_OPENS, EngineClock.VIETNAM).toOffsetDateTime();
  }
}
