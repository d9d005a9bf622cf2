package vn.planflow.calendar;

/** Where a day of the calendar came from, so administrators see what they have changed. */
enum DaySource {
  /** Computed by planflow from the Labour Code and the lunar calendar. */
  COMPUTED,
  /** Entered by an administrator (the year was replaced through the API). */
  EDITED
}
