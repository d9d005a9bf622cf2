package vn.planflow.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Stores the computed holidays of 2025–2035 at start-up, for every year that has no rows, so that
 * administrators start from the law's holidays and only add what the government announces. A
 * year that has rows is never touched, so restarting changes nothing and an edit survives.
 */
@Component
class CalendarPrefill implements ApplicationRunner {

  static final int FIRST_YEAR = 2025;
  static final int LAST_YEAR = 2035;

  private static final Logger log = LoggerFactory.getLogger(CalendarPrefill.class);

  private final CalendarDays days;

  CalendarPrefill(CalendarDays days) {
    this.days = days;
  }

  @Override
  public void run(ApplicationArguments args) {
    int filled = 0;
    for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      try {
        if (days.prefill(year)) {
          filled++;
        }
      } catch (DataIntegrityViolationException e) {
        // Each year is its own transaction: another node starting at the same time filled it.
        log.info("Calendar {} was filled by another node", year);
      }
    }
    if (filled > 0) {
      log.info("Calendar: computed holidays stored for {} of the years {}–{}", filled, FIRST_YEAR, LAST_YEAR);
    }
  }
}
