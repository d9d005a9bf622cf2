package vn.planflow.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.planflow.calendar.CalendarDays.CalendarYearChanged;

/**
 * Working days of Vietnamese public administration. Deadlines "in N working days" end at the
 * close of the N-th working day after the day of sending, in Asia/Ho_Chi_Minh.
 *
 * <p>A day is a working day when the calendar makes it one (a swapped working Saturday or Sunday),
 * or else when it is a Monday to Friday that is neither a public holiday nor a swapped day off.
 * The days come from the editable calendar ({@link CalendarDays}): a year's stored days, or its
 * computed public holidays where nobody has stored the year.
 *
 * <p>Process delegates ask for many days inside engine transactions, so each year is read once
 * and kept: until a change to it commits on this node, and at most {@link #KEPT_FOR} so that the
 * other nodes of a cluster see an administrator's change too.
 */
@Component
public class WorkingDayCalendar {

  /** Reminders go out at the start of the office day. */
  static final LocalTime OFFICE_OPENS = LocalTime.of(8, 0);

  /** How long another node's change may go unseen. */
  static final Duration KEPT_FOR = Duration.ofMinutes(5);

  private final MarkedDays markedDays;
  private final Map<Integer, Year> years = new ConcurrentHashMap<>();

  WorkingDayCalendar(MarkedDays markedDays) {
    this.markedDays = markedDays;
  }

  public boolean isWorkingDay(LocalDate day) {
    return isWorkingDay(day, year(day.getYear()).kinds().get(day));
  }

  /** The rule itself: {@code marked} is what the calendar says about the day, or null. */
  static boolean isWorkingDay(LocalDate day, DayKind marked) {
    if (marked == DayKind.SWAPPED_WORKING_DAY) {
      return true;
    }
    if (marked == DayKind.HOLIDAY || marked == DayKind.SWAPPED_DAY_OFF) {
      return false;
    }
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
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

  /** Forgets a year once the transaction that changed it has committed. */
  @TransactionalEventListener(fallbackExecution = true)
  void forget(CalendarYearChanged change) {
    years.remove(change.year());
  }

  private Year year(int year) {
    Year kept = years.get(year);
    if (kept != null && !kept.isStale()) {
      return kept;
    }
    return years.compute(year, (key, old) -> old != null && !old.isStale() ? old : load(key));
  }

  private Year load(int year) {
    Map<LocalDate, DayKind> kinds =
        markedDays.of(year).stream().collect(Collectors.toUnmodifiableMap(MarkedDay::date, MarkedDay::kind));
    return new Year(kinds, System.nanoTime());
  }

  static OffsetDateTime endOf(LocalDate day) {
    return ZonedDateTime.of(day, LocalTime.of(23, 59, 59), EngineClock.VIETNAM).toOffsetDateTime();
  }

  static OffsetDateTime startOf(LocalDate day) {
    return ZonedDateTime.of(day, OFFICE_OPENS, EngineClock.VIETNAM).toOffsetDateTime();
  }

  /**
   * A year's marked days as read. Its age is measured on the monotonic timer, never on the
   * (movable) engine clock: it decides only how fresh the copy is, not which day is which.
   */
  private record Year(Map<LocalDate, DayKind> kinds, long loadedAt) {

    boolean isStale() {
      return System.nanoTime() - loadedAt > KEPT_FOR.toNanos();
    }
  }
}
