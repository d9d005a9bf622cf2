package vn.planflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeframeParserTest {

  private static final LocalDate PLAN_START = LocalDate.of(2026, 1, 1);
  private static final LocalDate PLAN_END = LocalDate.of(2030, 12, 31);

  static Stream<Arguments> readableTimeframes() {
    return Stream.of(
        Arguments.of("2026-2030", "2026-01-01", "2030-12-31"),
        Arguments.of("2026 - 2030", "2026-01-01", "2030-12-31"),
        Arguments.of("2026 – 2030", "2026-01-01", "2030-12-31"),
        Arguments.of("Giai đoạn 2026 - 2030", "2026-01-01", "2030-12-31"),
        Arguments.of("Năm 2026", "2026-01-01", "2026-12-31"),
        Arguments.of("năm  2026 ", "2026-01-01", "2026-12-31"),
        Arguments.of("NĂM 2026", "2026-01-01", "2026-12-31"),
        Arguments.of("Hàng năm", "2026-01-01", "2030-12-31"),
        Arguments.of("Hằng năm", "2026-01-01", "2030-12-31"),
        Arguments.of("hàng   NĂM", "2026-01-01", "2030-12-31"),
        Arguments.of("Tháng 3 - 12/2025", "2025-03-01", "2025-12-31"),
        Arguments.of("Tháng 01 - 12/2025", "2025-01-01", "2025-12-31"),
        Arguments.of("Tháng 4 - 10/2025", "2025-04-01", "2025-10-31"),
        Arguments.of("tháng 4-10/2025", "2025-04-01", "2025-10-31"),
        Arguments.of("Tháng 02 – 02/2024", "2024-02-01", "2024-02-29"),
        Arguments.of("  THÁNG  3  -  12 / 2025  ", "2025-03-01", "2025-12-31"),
        Arguments.of("Tháng 003 - 012/2025", "2025-03-01", "2025-12-31"),
        Arguments.of("Tháng 6/2026", "2026-06-01", "2026-06-30"),
        Arguments.of("Tháng 06/2026", "2026-06-01", "2026-06-30"),
        Arguments.of("Tháng\u00a06/2026", "2026-06-01", "2026-06-30"),
        Arguments.of("Quý I-IV/2026", "2026-01-01", "2026-12-31"),
        Arguments.of("Quý I - IV/2026", "2026-01-01", "2026-12-31"),
        Arguments.of("quý i – iv/2026", "2026-01-01", "2026-12-31"),
        Arguments.of("Quý II/2026", "2026-04-01", "2026-06-30"),
        Arguments.of("Quý IV/2026", "2026-10-01", "2026-12-31"),
        Arguments.of("Quý II - III/2026", "2026-04-01", "2026-09-30"),
        Arguments.of("Quý 3/2026", "2026-07-01", "2026-09-30"),
        Arguments.of("Tha\u0301ng 3 - 12/2025", "2025-03-01", "2025-12-31"));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" → {1} .. {2}")
  @MethodSource("readableTimeframes")
  void readsTheUsualWaysOfWritingATimeframe(String text, String start, String end) {
    Timeframe timeframe = TimeframeParser.parse(text, PLAN_START, PLAN_END);

    assertThat(timeframe).isEqualTo(new Timeframe(LocalDate.parse(start), LocalDate.parse(end)));
    assertThat(timeframe.known()).isTrue();
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" is not read")
  @ValueSource(
      strings = {
        "Tháng 13/2025",
        "Tháng 0/2025",
        "Tháng 3 - 13/2025",
        "Tháng 12 - 3/2025",
        "Tháng 00 - 12/2025",
        "2030-2026",
        "2026-",
        "Năm 26",
        "Quý V/2026",
        "Quý IV-I/2026",
        "Quý IIII/2026",
        "Quý 0/2026",
        "Trong năm",
        "Thường xuyên",
        "Tháng 3 - 12",
        "2026-2030 và các năm tiếp theo",
        "Hàng tháng"
      })
  @NullAndEmptySource
  void givesUnknownDatesForWhatItCannotRead(String text) {
    Timeframe timeframe = TimeframeParser.parse(text, PLAN_START, PLAN_END);

    assertThat(timeframe).isEqualTo(Timeframe.UNKNOWN);
    assertThat(timeframe.startDate()).isNull();
    assertThat(timeframe.endDate()).isNull();
    assertThat(timeframe.known()).isFalse();
  }

  @Test
  void everyYearNeedsThePlanPeriod() {
    assertThat(TimeframeParser.parse("Hàng năm", null, null)).isEqualTo(Timeframe.UNKNOWN);
    assertThat(TimeframeParser.parse("Hàng năm", PLAN_END, PLAN_START)).isEqualTo(Timeframe.UNKNOWN);
  }
}
