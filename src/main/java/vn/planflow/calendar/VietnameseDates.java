package vn.planflow.calendar;

import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Dates as Vietnamese officials write them: dd/MM/yyyy, in Asia/Ho_Chi_Minh. */
public final class VietnameseDates {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  private VietnameseDates() {}

  public static String date(Date date) {
    return date == null ? "" : DATE.format(date.toInstant().atZone(EngineClock.VIETNAM));
  }

  public static String date(java.time.LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  public static String dateTime(Date date) {
    return date == null ? "" : DATE_TIME.format(date.toInstant().atZone(EngineClock.VIETNAM));
  }
}
