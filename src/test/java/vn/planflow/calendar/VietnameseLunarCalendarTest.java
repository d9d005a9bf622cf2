package vn.planflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.planflow.calendar.VietnameseLunarCalendar.LunarDate;

/** The lunar dates the holidays hang on, against the dates the government announced or printed. */
class VietnameseLunarCalendarTest {

  private final VietnameseLunarCalendar lunar = new VietnameseLunarCalendar();

  /**
   * 2030 is one of the years when Vietnam celebrates Tết a day before China: the new moon is at
   * 16:07 UT on 2 February 2030, 23:07 in Hà Nội but 00:07 on the 3rd in Beijing. Lists of
   * "Lunar New Year" dates give the Chinese 2030-02-03; the Vietnamese calendar has 2030-02-02.
   */
  @ParameterizedTest(name = "Tết {0} is {1}")
  @CsvSource({
    "2025, 2025-01-29",
    "2026, 2026-02-17",
    "2027, 2027-02-06",
    "2028, 2028-01-26",
    "2029, 2029-02-13",
    "2030, 2030-02-02",
    "2031, 2031-01-23",
    "2032, 2032-02-11",
    "2033, 2033-01-31",
    "2034, 2034-02-19",
    "2035, 2035-02-08"
  })
  void tetIsTheFirstDayOfTheFirstMonth(int year, LocalDate expected) {
    assertThat(lunar.solarDate(year, 1, 1)).isEqualTo(expected);
    assertThat(lunar.newYear(year)).isEqualTo(expected);
    assertThat(lunar.lunarDate(expected)).isEqualTo(new LunarDate(year, 1, false, 1));
  }

  @ParameterizedTest(name = "Giỗ Tổ {0} is {1}")
  @CsvSource({
    "2025, 2025-04-07",
    "2026, 2026-04-26",
    "2027, 2027-04-16",
    "2028, 2028-04-04",
    "2029, 2029-04-23",
    "2030, 2030-04-12"
  })
  void hungKingsDayIsTheTenthOfTheThirdMonth(int year, LocalDate expected) {
    assertThat(lunar.solarDate(year, 3, 10)).isEqualTo(expected);
  }

  @Test
  void chinaCelebratesTheNewYearOf2030ADayLater() {
    assertThat(lunar.lunarDate(LocalDate.of(2030, 2, 3))).isEqualTo(new LunarDate(2030, 1, false, 2));
    assertThat(lunar.lunarDate(LocalDate.of(2030, 2, 1))).isEqualTo(new LunarDate(2029, 12, false, 29));
  }

  @Test
  void leapMonthsAreNumberedAfterTheMonthTheyRepeat() {
    // 2025 (Ất Tỵ) has a leap sixth month: 25/7/2025 – 22/8/2025.
    assertThat(lunar.solarDate(2025, 6, true, 1)).isEqualTo(LocalDate.of(2025, 7, 25));
    assertThat(lunar.solarDate(2025, 7, 1)).isEqualTo(LocalDate.of(2025, 8, 23));
    assertThat(lunar.lunarDate(LocalDate.of(2025, 8, 1))).isEqualTo(new LunarDate(2025, 6, true, 8));
    // 2028 (Mậu Thân) has a leap fifth month beginning 23/6/2028.
    assertThat(lunar.solarDate(2028, 5, true, 1)).isEqualTo(LocalDate.of(2028, 6, 23));
    // 2031 (Tân Hợi): leap third month from 21/4/2031, a new moon three minutes before midnight.
    assertThat(lunar.solarDate(2031, 3, true, 1)).isEqualTo(LocalDate.of(2031, 4, 21));
    // 2033 (Quý Sửu): leap eleventh month from 22/12/2033, so Tết 2034 comes as late as 19/2.
    assertThat(lunar.solarDate(2033, 11, true, 1)).isEqualTo(LocalDate.of(2033, 12, 22));
    assertThat(lunar.solarDate(2033, 12, 1)).isEqualTo(LocalDate.of(2034, 1, 20));
    assertThatThrownBy(() -> lunar.solarDate(2026, 6, true, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void monthsElevenAndTwelveBelongToTheLunarYearBeforeTet() {
    // 30 Tết Ất Tỵ, the last day of the lunar year 2025, is 16/2/2026.
    LunarDate lastDay = lunar.lunarDate(LocalDate.of(2026, 2, 16));
    assertThat(lastDay.year()).isEqualTo(2025);
    assertThat(lastDay.month()).isEqualTo(12);
    assertThat(lastDay.leapMonth()).isFalse();
    assertThat(lunar.solarDate(2025, 12, lastDay.day())).isEqualTo(LocalDate.of(2026, 2, 16));
    // Rằm tháng Giêng 2026 and the Mid-Autumn festival 2026 (15/8 lunar).
    assertThat(lunar.solarDate(2026, 1, 15)).isEqualTo(LocalDate.of(2026, 3, 3));
    assertThat(lunar.solarDate(2026, 8, 15)).isEqualTo(LocalDate.of(2026, 9, 25));
  }

  @Test
  void everySolarDayOfTheDecadeMapsBackToItself() {
    for (LocalDate day = LocalDate.of(2025, 1, 1); day.isBefore(LocalDate.of(2036, 1, 1)); day = day.plusDays(1)) {
      LunarDate date = lunar.lunarDate(day);
      assertThat(lunar.solarDate(date.year(), date.month(), date.leapMonth(), date.day())).isEqualTo(day);
    }
  }
}
