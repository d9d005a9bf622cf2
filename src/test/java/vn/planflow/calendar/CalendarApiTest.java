package vn.planflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;

/**
 * {@code /api/calendar/{year}} over HTTP: officials read, administrators replace. Edits go to
 * 2033 and 2034, which no process test touches, and are undone after each test.
 */
@PlanflowIntegrationTest
class CalendarApiTest {

  private static final int EDITED_YEAR = 2033;

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired CalendarDayRepository repository;
  @Autowired CalendarDays calendarDays;
  @Autowired CalendarPrefill prefill;
  @Autowired WorkingDayCalendar workingDays;

  private OfficialClient admin() {
    return OfficialClient.demo(rest, json, "admin");
  }

  private OfficialClient official() {
    return OfficialClient.demo(rest, json, "kt.chuyenvien");
  }

  private ResponseEntity<String> put(OfficialClient who, int year, Object body) {
    return who.send(HttpMethod.PUT, "/api/calendar/" + year, body, MediaType.APPLICATION_JSON);
  }

  @AfterEach
  void restoreComputedYears() {
    for (int year : new int[] {EDITED_YEAR, EDITED_YEAR + 1}) {
      repository.deleteAllInBatch(repository.findByDateBetweenOrderByDateAsc(
          LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
      calendarDays.prefill(year);
    }
  }

  @Test
  void anOfficialReadsTheYearWithTetAndItsWorkingDays() {
    JsonNode year = official().getJson("/api/calendar/2026");

    assertThat(year.get("year").asInt()).isEqualTo(2026);
    assertThat(year.get("stored").asBoolean()).isTrue();
    // 261 weekdays; the holidays on weekdays are 1/1, 16-20/2 (Tết), 30/4, 1/5, 1/9 and 2/9;
    // Giỗ Tổ (26/4) is a Sunday.
    assertThat(year.get("workingDays").asInt()).isEqualTo(251);
    assertThat(year.get("days").findValuesAsText("date")).containsExactly(
        "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
        "2026-04-26", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02");
    JsonNode tet = year.get("days").get(2);
    assertThat(tet.get("kind").asText()).isEqualTo("HOLIDAY");
    assertThat(tet.get("name").asText()).isEqualTo("Tết Nguyên đán");
    assertThat(tet.get("source").asText()).isEqualTo("COMPUTED");
  }

  @Test
  void aYearNobodyStoredIsComputed() {
    JsonNode year = official().getJson("/api/calendar/2050");

    assertThat(year.get("stored").asBoolean()).isFalse();
    assertThat(year.get("days")).hasSize(11);
    assertThat(year.get("days").findValuesAsText("source")).containsOnly("COMPUTED");
  }

  @Test
  void theYearsOfThePrefillAreStoredOnceAndAnEditSurvivesARestart() {
    for (int year = CalendarPrefill.FIRST_YEAR; year <= CalendarPrefill.LAST_YEAR; year++) {
      assertThat(calendarDays.stored(year)).as("stored days of %d", year).hasSize(11);
    }
    assertThat(put(admin(), EDITED_YEAR, Map.of("days", List.of(
        day("2033-01-01", "HOLIDAY", "Tết Dương lịch")))).getStatusCode()).isEqualTo(HttpStatus.OK);
    long rows = repository.count();

    prefill.run(null);

    assertThat(repository.count()).isEqualTo(rows);
    assertThat(calendarDays.stored(EDITED_YEAR)).extracting(MarkedDay::name).containsExactly("Tết Dương lịch");
  }

  @Test
  void anAdministratorReplacesAYearAndDeadlinesFollowAtOnce() {
    // Tết Quý Sửu 2033 is Monday 31/1 (block 30/1-3/2). Say the government gives Friday 4/2 off
    // and has Saturday 12/2 worked in exchange.
    LocalDate dayOff = LocalDate.of(2033, 2, 4);
    LocalDate workedSaturday = LocalDate.of(2033, 2, 12);
    assertThat(workingDays.isWorkingDay(dayOff)).isTrue();
    assertThat(workingDays.isWorkingDay(workedSaturday)).isFalse();
    JsonNode before = official().getJson("/api/calendar/" + EDITED_YEAR);

    List<Object> days = new ArrayList<>();
    before.get("days").forEach(d -> days.add(json.convertValue(d, Map.class)));
    days.add(day("2033-02-04", "SWAPPED_DAY_OFF", "Nghỉ bù Tết Nguyên đán"));
    days.add(day("2033-02-12", "SWAPPED_WORKING_DAY", "Làm bù cho ngày 04/02/2033"));
    ResponseEntity<String> response = put(admin(), EDITED_YEAR, Map.of("days", days));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode after = official().getJson("/api/calendar/" + EDITED_YEAR);
    assertThat(after.get("days")).hasSize(13);
    assertThat(after.get("days").findValuesAsText("source")).containsOnly("EDITED");
    assertThat(after.get("days").findValuesAsText("date")).isSorted();
    assertThat(after.get("workingDays").asInt()).isEqualTo(before.get("workingDays").asInt());
    assertThat(workingDays.isWorkingDay(dayOff)).isFalse();
    assertThat(workingDays.isWorkingDay(workedSaturday)).isTrue();
    // From Friday 28/1: 29-30 weekend, 31/1-3/2 Tết, 4/2 off, 5-6 weekend; 7-11/2 then Saturday 12/2.
    assertThat(workingDays.plusWorkingDays(LocalDate.of(2033, 1, 28), 6)).isEqualTo(workedSaturday);
    assertThat(repository.findById(workedSaturday).orElseThrow()).extracting("updatedBy").isEqualTo("admin");
  }

  @Test
  void whatGetAnswersCanBePutBackAsItIs() {
    String body = official().get("/api/calendar/" + (EDITED_YEAR + 1)).getBody();

    ResponseEntity<String> response = put(admin(), EDITED_YEAR + 1, official().read(body));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(official().read(response.getBody()).get("days")).hasSize(11);
  }

  @Test
  void onlyAdministratorsReplaceAYear() {
    Map<String, Object> body = Map.of("days", List.of(day("2033-01-01", "HOLIDAY", "Tết Dương lịch")));

    ResponseEntity<String> forbidden = put(official(), EDITED_YEAR, body);
    assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(forbidden.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(rest.exchange("/api/calendar/2033", HttpMethod.PUT,
        new org.springframework.http.HttpEntity<>(body), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/calendar/2033", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(calendarDays.stored(EDITED_YEAR)).hasSize(11);
  }

  @Test
  void everyBadDayIsNamedAndNothingIsStored() {
    List<Object> days = List.of(
        day("2033-01-01", "HOLIDAY", "Tết Dương lịch"),
        day("2034-01-02", "SWAPPED_DAY_OFF", "Nghỉ bù"),
        day("2033-01-01", "SWAPPED_DAY_OFF", "Nghỉ bù"),
        day("2033-01-04", "SWAPPED_WORKING_DAY", "Làm bù"),
        day("2033-01-03", "SWAPPED_DAY_OFF", " "),
        Map.of("date", "2033-01-05", "kind", "HOLIDAY"));

    ResponseEntity<String> response = put(admin(), EDITED_YEAR, Map.of("days", days));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode problem = official().read(response.getBody());
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(
        "days[1].date", "days[2].date", "days[3].kind", "days[4].name", "days[5].name");
    assertThat(problem.get("detail").asText()).contains("days[1].date", "không thuộc năm 2033");
    assertThat(calendarDays.stored(EDITED_YEAR)).hasSize(11).extracting(MarkedDay::source).containsOnly(DaySource.COMPUTED);
  }

  @Test
  void anUnknownKindAMissingListAndAYearOutOfRangeAreRejected() {
    assertRejected(put(admin(), EDITED_YEAR, Map.of("days", List.of(day("2033-01-01", "LE_TET", "Tết")))), "days[0].kind");
    assertRejected(put(admin(), EDITED_YEAR, Map.of("days", List.of(day("2033-02-30", "HOLIDAY", "Tết")))), "days[0].date");
    assertRejected(put(admin(), EDITED_YEAR, Map.of()), "days");
    assertRejected(put(admin(), EDITED_YEAR, Map.of("days", List.of())), "days");
    assertRejected(put(admin(), 2101, Map.of("days", List.of(day("2101-01-01", "HOLIDAY", "Tết Dương lịch")))), "year");
    assertRejected(official().get("/api/calendar/1999"), "year");
    assertThat(official().get("/api/calendar/2000").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(official().get("/api/calendar/2100").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(calendarDays.stored(EDITED_YEAR)).hasSize(11);
  }

  private void assertRejected(ResponseEntity<String> response, String field) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(official().read(response.getBody()).get("errors").findValuesAsText("field")).contains(field);
  }

  private static Map<String, Object> day(String date, String kind, String name) {
    return Map.of("date", date, "kind", kind, "name", name);
  }
}
