package vn.planflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counting working days over weekends, Tết and swapped days, without a database. */
class WorkingDayCalendarTest {

  private final PublicHolidays holidays = new PublicHolidays();
  private final WorkingDayCalendar computed = new WorkingDayCalendar(holidays::of);

  @Test
  void sevenWorkingDaysFromTheFridayBeforeTetBinhNgoEndOnTheThirdOfMarch() {
    // From Friday 13/2/2026: 14-15 weekend, 16-20 Tết, 21-22 weekend; then 23, 24, 25, 26, 27/2
    // are working days 1 to 5, Monday 2/3 is the 6th and Tuesday 3/3 the 7th. (February 2026 has
    // 28 days; the example said 4/3, which counts one day too many.)
    assertThat(computed.plusWorkingDays(LocalDate.of(2026, 2, 13), 7)).isEqualTo(LocalDate.of(2026, 3, 3));
    assertThat(computed.deadline(OffsetDateTime.of(2026, 2, 13, 15, 0, 0, 0, ZoneOffset.ofHours(7)), 7))
        .isEqualTo(OffsetDateTime.of(2026, 3, 3, 23, 59, 59, 0, ZoneOffset.ofHours(7)));
  }

  @Test
  void weekendsAndComputedHolidaysAreNotWorkingDays() {
    assertThat(computed.isWorkingDay(LocalDate.of(2026, 2, 13))).isTrue();
    assertThat(computed.isWorkingDay(LocalDate.of(2026, 2, 14))).isFalse();
    assertThat(computed.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
    assertThat(computed.isWorkingDay(LocalDate.of(2026, 4, 30))).isFalse();
    assertThat(computed.isWorkingDay(LocalDate.of(2026, 9, 1))).isFalse();
    assertThat(computed.isWorkingDay(LocalDate.of(2027, 4, 16))).isFalse();
    assertThat(computed.isWorkingDay(LocalDate.of(2027, 4, 15))).isTrue();
    // Outside the pre-filled years the computed holidays still apply.
    assertThat(computed.isWorkingDay(LocalDate.of(2040, 1, 2))).isTrue();
    assertThat(computed.isWorkingDay(LocalDate.of(2040, 5, 1))).isFalse();
  }

  @Test
  void aSwappedWorkingSaturdayCountsAndASwappedDayOffDoesNot() {
    // As the government did for Tết 2025: Saturday 8/2 worked in exchange for Monday 27/1 off.
    List<MarkedDay> days2025 = new ArrayList<>(holidays.of(2025));
    days2025.add(new MarkedDay(LocalDate.of(2025, 1, 27), DayKind.SWAPPED_DAY_OFF, "Nghỉ bù", DaySource.EDITED));
    days2025.add(new MarkedDay(LocalDate.of(2025, 2, 8), DayKind.SWAPPED_WORKING_DAY, "Làm bù", DaySource.EDITED));
    WorkingDayCalendar calendar = new WorkingDayCalendar(year -> year == 2025 ? days2025 : holidays.of(year));

    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 27))).isFalse();
    // Friday 24/1: 25-26 weekend, 27 swapped off, 28/1-1/2 Tết, 2/2 Sunday; 3/2 to 7/2 are 1-5,
    // Saturday 8/2 the 6th.
    assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 1, 24), 6)).isEqualTo(LocalDate.of(2025, 2, 8));
    // Without the swap, Monday 27/1 is the 1st and Friday 7/2 the 6th.
    assertThat(computed.plusWorkingDays(LocalDate.of(2025, 1, 24), 6)).isEqualTo(LocalDate.of(2025, 2, 7));
    assertThat(calendar.previousWorkingDay(LocalDate.of(2025, 2, 10))).isEqualTo(LocalDate.of(2025, 2, 8));
    assertThat(calendar.previousWorkingDay(LocalDate.of(2025, 2, 3))).isEqualTo(LocalDate.of(2025, 1, 24));
  }

  @Test
  void theReminderIsOnTheWorkingDayBeforeTheDeadline() {
    OffsetDateTime deadline = OffsetDateTime.of(2026, 2, 23, 23, 59, 59, 0, ZoneOffset.ofHours(7));
    OffsetDateTime now = OffsetDateTime.of(2026, 2, 10, 9, 0, 0, 0, ZoneOffset.ofHours(7));

    assertThat(computed.reminderBefore(deadline, now))
        .isEqualTo(OffsetDateTime.of(2026, 2, 13, 8, 0, 0, 0, ZoneOffset.ofHours(7)));
    assertThat(computed.reminderBefore(deadline, OffsetDateTime.of(2026, 2, 14, 9, 0, 0, 0, ZoneOffset.ofHours(7))))
        .isEqualTo(OffsetDateTime.of(2026, 2, 23, 8, 0, 0, 0, ZoneOffset.ofHours(7)));
  }

  @Test
  void aYearIsReadOnceUntilItChanges() {
    int[] reads = new int[1];
    WorkingDayCalendar calendar = new WorkingDayCalendar(year -> {
      reads[0]++;
      return holidays.of(year);
    });

    calendar.plusWorkingDays(LocalDate.of(2026, 1, 1), 200);
    assertThat(reads[0]).isEqualTo(1);
    calendar.forget(new CalendarDays.CalendarYearChanged(2026));
    calendar.isWorkingDay(LocalDate.of(2026, 3, 3));
    assertThat(reads[0]).isEqualTo(2);
  }
}
