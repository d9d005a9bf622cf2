package vn.planflow.calendar;

import java.time.LocalDate;

/** A day the calendar marks: a holiday, a swapped day off or a swapped working day. */
record MarkedDay(LocalDate date, DayKind kind, String name, DaySource source) {}
