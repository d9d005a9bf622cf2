package vn.planflow.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar as data: a year's stored days, or its computed holidays while nobody has stored it.
 * Every change publishes {@link CalendarYearChanged} so that {@link WorkingDayCalendar} forgets the
 * year once the change is committed.
 */
@Service
class CalendarDays implements MarkedDays {

  private final CalendarDayRepository repository;
  private final PublicHolidays holidays;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CalendarDays(
      CalendarDayRepository repository,
      PublicHolidays holidays,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.holidays = holidays;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The year's marked days, sorted by date. Runs in the caller's transaction, which inside a
   * process delegate is the engine's.
   */
  @Override
  public List<MarkedDay> of(int year) {
    List<MarkedDay> stored = stored(year);
    return stored.isEmpty() ? holidays.of(year) : stored;
  }

  /** The computed public holidays of the year, whatever is stored. */
  List<MarkedDay> computed(int year) {
    return holidays.of(year);
  }

  List<MarkedDay> stored(int year) {
    return repository.findByDateBetweenOrderByDateAsc(first(year), last(year)).stream()
        .map(CalendarDay::toMarkedDay)
        .toList();
  }

  /**
   * Replaces the days of a year with days an administrator entered (already validated, all in
   * the year, dates unique).
   */
  @Transactional
  void replace(int year, List<MarkedDay> days, String user) {
    repository.deleteByDateBetween(first(year), last(year));
    OffsetDateTime now = OffsetDateTime.now(clock);
    repository.saveAll(days.stream().map(d -> new CalendarDay(d, DaySource.EDITED, user, now)).toList());
    events.publishEvent(new CalendarYearChanged(year));
  }

  /**
   * Stores the computed holidays of a year that has no rows; leaves a stored year alone. Answers
   * whether it stored anything.
   */
  @Transactional
  boolean prefill(int year) {
    if (repository.existsByDateBetween(first(year), last(year))) {
      return false;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    repository.saveAll(
        holidays.of(year).stream().map(d -> new CalendarDay(d, DaySource.COMPUTED, null, now)).toList());
    events.publishEvent(new CalendarYearChanged(year));
    return true;
  }

  private static LocalDate first(int year) {
    return LocalDate.of(year, 1, 1);
  }

  private static LocalDate last(int year) {
    return LocalDate.of(year, 12, 31);
  }

  /** The days of {@code year} changed (published inside the transaction that changed them). */
  record CalendarYearChanged(int year) {}
}
