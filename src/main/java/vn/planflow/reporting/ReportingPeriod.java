package vn.planflow.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One reporting period of a plan (CONTRACT §5): {@code 2026-H1} for a mid-year deadline,
 * {@code 2026-Y} for the last one of the year. Times are in Asia/Ho_Chi_Minh.
 *
 * @param dueAt 00:00 of the deadline date ("trước ngày 15/6")
 * @param opensAt 10 working days before the due time
 * @param firstReminderAt 5 working days before the due time
 * @param lastReminderAt 1 working day before the due time
 * @param closesAt 5 working days after the due time; units still missing are recorded MISSING
 * @param cutOffFrom first day of the data window (Nghị định 09/2019, Art. 12)
 * @param cutOffTo last day of the data window
 */
public record ReportingPeriod(
    String id,
    int year,
    LocalDate deadline,
    OffsetDateTime dueAt,
    OffsetDateTime opensAt,
    OffsetDateTime firstReminderAt,
    OffsetDateTime lastReminderAt,
    OffsetDateTime closesAt,
    LocalDate cutOffFrom,
    LocalDate cutOffTo) {

  /** A period whose due time has passed when the plan takes effect collects nothing. */
  public boolean skippedWhenStartingAt(OffsetDateTime inEffect) {
    return !dueAt.isAfter(inEffect);
  }

  /** The same period opened at another time (an ad-hoc period opens when it is asked for). */
  public ReportingPeriod openingAt(OffsetDateTime opening) {
    return new ReportingPeriod(id, year, deadline, dueAt, opening, firstReminderAt, lastReminderAt, closesAt,
        cutOffFrom, cutOffTo);
  }

  /** Whether collection opens at once (its opening time has already passed). */
  public boolean opensImmediatelyAt(OffsetDateTime inEffect) {
    return !opensAt.isAfter(inEffect);
  }
}
