package vn.planflow.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The public holidays of a year under the Labour Code 2019, Art. 112(1): what planflow stores for a
 * year before an administrator edits it, and what it assumes for years nobody has stored.
 *
 * <ul>
 *   <li>Tết Dương lịch: 1/1;
 *   <li>Tết Nguyên đán: five days, the last day of the lunar year and mùng 1 to mùng 4 (the
 *       government's usual choice among the days the law allows around Tết);
 *   <li>Giỗ Tổ Hùng Vương: 10/3 of the lunar calendar;
 *   <li>Ngày Chiến thắng: 30/4; Ngày Quốc tế Lao động: 1/5;
 *   <li>Quốc khánh: 2/9 and the day before it, 1/9 (the law grants "one day before or after";
 *       the government names it each year and administrators can move it).
 * </ul>
 *
 * <p>Days off given in compensation for a holiday on a weekend (nghỉ bù) and swapped working days
 * are announced each year and entered by administrators; they are not computed.
 */
@Component
class PublicHolidays {

  static final String NEW_YEAR = "Tết Dương lịch";
  static final String TET = "Tết Nguyên đán";
  static final String HUNG_KINGS = "Giỗ Tổ Hùng Vương";
  static final String REUNIFICATION = "Ngày Chiến thắng";
  static final String LABOUR_DAY = "Ngày Quốc tế Lao động";
  static final String NATIONAL_DAY = "Quốc khánh";

  /** Days of the Tết block from mùng 1 on; the block also takes the day before. */
  private static final int TET_DAYS_FROM_NEW_YEAR = 4;

  private final VietnameseLunarCalendar lunar;
  private final Map<Integer, List<MarkedDay>> years = new ConcurrentHashMap<>();

  PublicHolidays() {
    this(new VietnameseLunarCalendar());
  }

  PublicHolidays(VietnameseLunarCalendar lunar) {
    this.lunar = lunar;
  }

  /** The holidays of a solar year, sorted by date. */
  List<MarkedDay> of(int year) {
    return years.computeIfAbsent(year, this::compute);
  }

  private List<MarkedDay> compute(int year) {
    // Keyed by date: should Giỗ Tổ ever fall on 30/4, that one day carries both names.
    Map<LocalDate, String> names = new TreeMap<>();
    names.put(LocalDate.of(year, 1, 1), NEW_YEAR);
    LocalDate tet = lunar.newYear(year);
    for (LocalDate day = tet.minusDays(1); day.isBefore(tet.plusDays(TET_DAYS_FROM_NEW_YEAR)); day = day.plusDays(1)) {
      names.merge(day, TET, PublicHolidays::both);
    }
    names.merge(lunar.solarDate(year, 3, 10), HUNG_KINGS, PublicHolidays::both);
    names.merge(LocalDate.of(year, 4, 30), REUNIFICATION, PublicHolidays::both);
    names.merge(LocalDate.of(year, 5, 1), LABOUR_DAY, PublicHolidays::both);
    names.merge(LocalDate.of(year, 9, 1), NATIONAL_DAY, PublicHolidays::both);
    names.merge(LocalDate.of(year, 9, 2), NATIONAL_DAY, PublicHolidays::both);
    return names.entrySet().stream()
        .map(e -> new MarkedDay(e.getKey(), DayKind.HOLIDAY, e.getValue(), DaySource.COMPUTED))
        .toList();
  }

  private static String both(String first, String second) {
    return first + ", " + second;
  }
}
