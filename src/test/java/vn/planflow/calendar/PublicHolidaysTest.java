package vn.planflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The holidays of the Labour Code (Art. 112) for the years planflow pre-fills. */
class PublicHolidaysTest {

  private final PublicHolidays holidays = new PublicHolidays();

  @Test
  void year2026HasElevenHolidaysWithTheTetBlockOfSixteenToTwentyFebruary() {
    List<MarkedDay> days = holidays.of(2026);

    assertThat(days).extracting(MarkedDay::date).containsExactly(
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18),
        LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20),
        LocalDate.of(2026, 4, 26),
        LocalDate.of(2026, 4, 30),
        LocalDate.of(2026, 5, 1),
        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2));
    assertThat(days).extracting(MarkedDay::name).containsExactly(
        "Tết Dương lịch",
        "Tết Nguyên đán", "Tết Nguyên đán", "Tết Nguyên đán", "Tết Nguyên đán", "Tết Nguyên đán",
        "Giỗ Tổ Hùng Vương",
        "Ngày Chiến thắng",
        "Ngày Quốc tế Lao động",
        "Quốc khánh", "Quốc khánh");
    assertThat(days).allSatisfy(day -> {
      assertThat(day.kind()).isEqualTo(DayKind.HOLIDAY);
      assertThat(day.source()).isEqualTo(DaySource.COMPUTED);
    });
  }

  @Test
  void theTetBlockIsTheLastDayOfTheLunarYearAndTheFirstFourDaysOfTheNewOne() {
    // Tết Ất Tỵ 2025 fell on 29/1: 28/1 (30 Tết) to 1/2.
    assertThat(tetOf(2025)).containsExactly(
        LocalDate.of(2025, 1, 28), LocalDate.of(2025, 1, 29), LocalDate.of(2025, 1, 30),
        LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 1));
    // Tết Canh Tuất 2030 on 2/2 (a day before China's): 1/2 (29 Tết, a short month 12) to 5/2.
    assertThat(tetOf(2030)).containsExactly(
        LocalDate.of(2030, 2, 1), LocalDate.of(2030, 2, 2), LocalDate.of(2030, 2, 3),
        LocalDate.of(2030, 2, 4), LocalDate.of(2030, 2, 5));
  }

  @Test
  void everyYearOfThePrefillHasElevenDistinctHolidays() {
    for (int year = 2025; year <= 2035; year++) {
      List<MarkedDay> days = holidays.of(year);
      assertThat(days).as("holidays of %d", year).hasSize(11);
      assertThat(days).extracting(d -> d.date().getYear()).containsOnly(year);
      assertThat(days).extracting(MarkedDay::date).isSorted().doesNotHaveDuplicates();
    }
  }

  private List<LocalDate> tetOf(int year) {
    return holidays.of(year).stream().filter(d -> d.name().equals("Tết Nguyên đán")).map(MarkedDay::date).toList();
  }
}
