package vn.planflow.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.planflow.system.FieldProblem;
import vn.planflow.system.InvalidRequestException;

/**
 * {@code /api/calendar/{year}}: every official reads a year's holidays and swapped days (and how
 * many working days it has); administrators replace them when the government announces the
 * year's arrangements (only administrators reach PUT: see the security configuration).
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;
  static final int NAME_LENGTH = 200;

  private final CalendarDays calendar;

  CalendarController(CalendarDays calendar) {
    this.calendar = calendar;
  }

  @GetMapping("/{year}")
  CalendarYear get(@PathVariable int year) {
    checkYear(year);
    return view(year);
  }

  @PutMapping("/{year}")
  CalendarYear replace(@PathVariable int year, @RequestBody YearUpdate body, Authentication caller) {
    checkYear(year);
    calendar.replace(year, validate(year, body), caller.getName());
    return view(year);
  }

  private CalendarYear view(int year) {
    List<MarkedDay> stored = calendar.stored(year);
    List<MarkedDay> days = stored.isEmpty() ? calendar.computed(year) : stored;
    Map<LocalDate, DayKind> kinds = days.stream().collect(Collectors.toMap(MarkedDay::date, MarkedDay::kind));
    int workingDays = 0;
    for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
      if (WorkingDayCalendar.isWorkingDay(day, kinds.get(day))) {
        workingDays++;
      }
    }
    return new CalendarYear(
        year,
        !stored.isEmpty(),
        workingDays,
        days.stream().map(d -> new Day(d.date(), d.kind(), d.name(), d.source())).toList());
  }

  private static void checkYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new InvalidRequestException(
          "year", "năm " + year + " nằm ngoài khoảng " + FIRST_YEAR + "–" + LAST_YEAR);
    }
  }

  /** Every problem of the body at once, by field; the days as they will be stored. */
  private static List<MarkedDay> validate(int year, YearUpdate body) {
    if (body == null || body.days() == null) {
      throw new InvalidRequestException("days", "thiếu danh sách ngày");
    }
    if (body.days().isEmpty()) {
      throw new InvalidRequestException(
          "days", "danh sách ngày không được rỗng (năm nào cũng có ngày lễ)");
    }
    if (body.days().size() > 366) {
      throw new InvalidRequestException("days", "có " + body.days().size() + " ngày, một năm có tối đa 366 ngày");
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<MarkedDay> days = new ArrayList<>();
    Map<LocalDate, Integer> seen = new HashMap<>();
    for (int i = 0; i < body.days().size(); i++) {
      int index = i;
      Function<String, String> field = name -> "days[" + index + "]" + name;
      DayEntry entry = body.days().get(i);
      if (entry == null) {
        problems.add(new FieldProblem(field.apply(""), "thiếu ngày"));
        continue;
      }
      LocalDate date = entry.date();
      if (date == null) {
        problems.add(new FieldProblem(field.apply(".date"), "thiếu ngày"));
      } else if (date.getYear() != year) {
        problems.add(new FieldProblem(field.apply(".date"), "ngày " + date + " không thuộc năm " + year));
      } else {
        Integer earlier = seen.putIfAbsent(date, index);
        if (earlier != null) {
          problems.add(new FieldProblem(
              field.apply(".date"), "ngày " + date + " trùng với days[" + earlier + "]"));
        }
      }
      if (entry.kind() == null) {
        problems.add(new FieldProblem(field.apply(".kind"), "thiếu loại ngày (HOLIDAY, SWAPPED_DAY_OFF, SWAPPED_WORKING_DAY)"));
      } else if (entry.kind() == DayKind.SWAPPED_WORKING_DAY && date != null && !isWeekend(date)) {
        problems.add(new FieldProblem(
            field.apply(".kind"), "ngày làm bù phải là thứ Bảy hoặc Chủ nhật (" + date + " là ngày thường)"));
      }
      String name = entry.name() == null ? "" : entry.name().strip();
      if (name.isEmpty()) {
        problems.add(new FieldProblem(field.apply(".name"), "thiếu tên ngày"));
      } else {
        vn.planflow.system.TextRules.optional(problems, field.apply(".name"), name, NAME_LENGTH, "tên");
      }
      days.add(new MarkedDay(date, entry.kind(), name, DaySource.EDITED));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return days;
  }

  private static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** A year as GET shows it; {@code stored} is false while the year is only computed. */
  record CalendarYear(int year, boolean stored, int workingDays, List<Day> days) {}

  record Day(LocalDate date, DayKind kind, String name, DaySource source) {}

  /** The body of PUT; what GET answers can be sent back as it is (the extra fields are ignored). */
  @JsonIgnoreProperties({"year", "stored", "workingDays"})
  record YearUpdate(List<DayEntry> days) {}

  /** One day of PUT; {@code source} is ignored: whatever PUT stores is EDITED. */
  @JsonIgnoreProperties({"source"})
  record DayEntry(LocalDate date, DayKind kind, String name) {}
}
