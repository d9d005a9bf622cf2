package vn.planflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Working days of Vietnamese public administration: no Saturdays, Sundays or public holidays.
 * Deadlines "in N working days" end at the close of the N-th working day after the day of
 * sending, in Asia/Ho_Chi_Minh.
 *
 * <p>Holidays here are the solar ones of the Labour Code (Art. 112): 1/1, 30/4, 1/5, 2/9 and the
 * adjacent 1/9. Tết Nguyên đán, Giỗ Tổ Hùng Vương and the swapped days each year are added by the
 * editable calendar of the reporting issue.
 */
@Component
public class WorkingDayCalendar {

  private static final Set<MonthDay> SOLAR_HOLIDAYS =
      Set.of(
          MonthDay.of(1, 1),
          MonthDay.of(4, 30),
          MonthDay.of(5, 1),
          MonthDay.of(9, 1),
          MonthDay.of(9, 2));

  /** Reminders go out at the start of the office day. */
  static final LocalTime OFFICE_OPENS = LocalTime.of(8, 0);

  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY
        && weekday != DayOfWeek.SUNDAY
        && !SOLAR_HOLIDAYS.contains(MonthDay.from(day));
  }

  /** The n-th working day after {@code from} (from itself not counted); n ≥ 1. */
  public LocalDate plusWorkingDays(LocalDate from, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
    LocalDate day = from;
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The last working day before {@code day}. */
  public LocalDate previousWorkingDay(LocalDate day) {
    LocalDate previous = day.minusDays(1);
    while (!isWorkingDay(previous)) {
      previous = previous.minusDays(1);
    }
    return previous;
  }

  /** The deadline of something sent at {@code sent} with {@code workingDays} to answer. */
  public OffsetDateTime deadline(OffsetDateTime sent, int workingDays) {
    LocalDate lastDay = plusWorkingDays(sent.atZoneSameInstant(EngineClock.VIETNAM).toLocalDate(), workingDays);
    return endOf(lastDay);
  }

  /** 08:00 of the working day before the deadline's day (or of that day, if sooner is past). */
  public OffsetDateTime reminderBefore(OffsetDateTime deadline, OffsetDateTime now) {
    LocalDate deadlineDay = deadline.atZoneSameInstant(EngineClock.VIETNAM).toLocalDate();
    OffsetDateTime dayBefore = startOf(previousWorkingDay(deadlineDay));
    return dayBefore.isAfter(now) ? dayBefore : startOf(deadlineDay);
  }

  static OffsetDateTime endOf(LocalDate day) {
    return ZonedDateTime.of(day, LocalTime.of(23, 59, 59), EngineClock.VIETNAM).toOffsetDateTime();
  }

  static OffsetDateTime startOf(LocalDate day) {
    return ZonedDateTime.of(day, OFFICE_OPENS, EngineClock.VIETNAM).toOffsetDateTime();
  }
}
