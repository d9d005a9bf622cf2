package vn.planflow.calendar;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Dates the stored Tasklist filters compute when an official opens them ({@code
 * ${workingDays.dueSoonLimit()}}): Camunda's own filter functions count calendar days only.
 */
@Component("workingDays")
public class FilterDates {

  /** Tasks due before this are "sắp đến hạn": the end of the third working day from today. */
  public static final int DUE_SOON_WORKING_DAYS = 3;

  private final WorkingDayCalendar calendar;
  private final Clock clock;

  FilterDates(WorkingDayCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  public Date dueSoonLimit() {
    return Date.from(calendar.deadline(OffsetDateTime.now(clock), DUE_SOON_WORKING_DAYS).toInstant());
  }
}
