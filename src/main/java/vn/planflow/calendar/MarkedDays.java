package vn.planflow.calendar;

import java.util.List;

/**
 * The marked days of a year, sorted by date: what {@link WorkingDayCalendar} reads. An interface
 * so that the calendar's arithmetic can be tested without a database.
 */
@FunctionalInterface
interface MarkedDays {

  List<MarkedDay> of(int year);
}
