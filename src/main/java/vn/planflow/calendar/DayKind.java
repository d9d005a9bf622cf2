package vn.planflow.calendar;

/** What the calendar says about a day that is not an ordinary weekday or weekend day. */
enum DayKind {
  /** A public holiday of the Labour Code (Art. 112): nobody works, whatever the weekday. */
  HOLIDAY,
  /** A weekday the government made a day off (nghỉ bù, or to join a holiday to a weekend). */
  SWAPPED_DAY_OFF,
  /** A Saturday or Sunday the government made a working day (làm bù). */
  SWAPPED_WORKING_DAY
}
