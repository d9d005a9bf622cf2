package vn.planflow.plan;

import java.time.LocalDate;

/**
 * The dates a task's time frame covers, read from how officials write it ("Tháng 3 - 12/2025",
 * "Quý II/2026"). Both dates are null when the text could not be read: the written text stays the
 * reference, the dates only help scheduling and reporting.
 */
public record Timeframe(LocalDate startDate, LocalDate endDate) {

  /** A time frame whose text could not be read. */
  public static final Timeframe UNKNOWN = new Timeframe(null, null);

  public Timeframe {
    if ((startDate == null) != (endDate == null)) {
      throw new IllegalArgumentException("a time frame has both dates or neither");
    }
    if (startDate != null && startDate.isAfter(endDate)) {
      throw new IllegalArgumentException("a time frame cannot end before it starts");
    }
  }

  /** Whether the dates are known. */
  public boolean known() {
    return startDate != null;
  }
}
