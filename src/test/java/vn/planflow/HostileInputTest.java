package vn.planflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.planflow.plan.PlanApprovalDriver;

/**
 * Issue #10 C: a battery of generated bad requests against every {@code /api} endpoint and the
 * task completion of three forms (through {@code /api/tasks} and Camunda REST). Every request
 * must be answered without a 5xx; every refusal of a body is a 4xx {@code application/problem+json}
 * naming the field where there is one; and nothing any of them sent changes planflow's tables or
 * the engine's runtime. The generator is seeded ({@code -Dplanflow.hostile.seed=…} replays a run).
 */
@PlanflowIntegrationTest
class HostileInputTest {

  static final long SEED = Long.getLong("planflow.hostile.seed", 20_261_205L);
  /** Requests per kind of endpoint; the run sends well over 1,000 in all. */
  static final int PER_ENDPOINT = 80;
  /**
   * Task completion is checked by the completion guard and rules (their own work): with
   * {@code -Dplanflow.hostile.completion=report} what they let through is printed, not failed.
   */
  static final boolean COMPLETION_STRICT = !"report".equals(System.getProperty("planflow.hostile.completion"));
  /** Reads answers without the application's own read limits (a refusal may be long). */
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static final String JSON = "application/json";
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String APPENDIX_HEADER =
      "TT,Nhóm,Tên nhiệm vụ,Nội dung,Mục tiêu,Sản phẩm,Đơn vị chủ trì,Đơn vị phối hợp,Kinh phí,Thời gian\n";

  /** planflow's tables and the engine's runtime and identity: a rejected request changes none. */
  private static final List<String> TABLES = List.of(
      "org_unit", "org_unit_revision", "official", "official_role", "plan", "plan_legal_basis",
      "plan_recipient", "plan_target", "plan_section", "plan_task", "plan_task_coordinator",
      "consultation_opinion", "vote_round", "vote_slip", "document_register", "register_entry",
      "calendar_day", "plan_reporting_period", "unit_report", "unit_report_task", "unit_report_indicator",
      "attached_report", "notification",
      "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_IDENTITYLINK",
      "ACT_RU_EVENT_SUBSCR", "ACT_RU_AUTHORIZATION", "ACT_ID_USER", "ACT_ID_GROUP", "ACT_ID_MEMBERSHIP",
      "ACT_RE_DEPLOYMENT", "ACT_RE_PROCDEF");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired PlanApprovalDriver driver;
  @Autowired TaskService taskService;

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private Random random;

  /** One generated request: which endpoint it exercises and whether it must be refused. */
  record Call(String endpoint, String method, String path, String user, String contentType, byte[] body,
      boolean mustRefuse) {}

  // Fixtures, made before the snapshot.
  private String draftingPlan;
  private String draftTask;
  private String reviewTask;
  private String effectPlan;
  private String submitTask;
  private long reportId;

  @Test
  void generatedBadRequestsAreRefusedWithoutServerErrorsAndChangeNothing() throws Exception {
    System.out.println("[hostile] seed " + SEED + " (replay with -Dplanflow.hostile.seed=" + SEED + ")");
    random = new Random(SEED);
    prepareFixtures();

    List<Call> calls = generate();
    Map<String, String> before = snapshot();
    long started = System.nanoTime();

    Map<String, int[]> byEndpoint = new TreeMap<>();
    Map<String, Integer> byClass = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      long sent = System.nanoTime();
      HttpResponse<String> response;
      try {
        response = send(call);
        if (response == null) {
          continue;
        }
      } catch (java.io.IOException e) {
        failures.add("#" + i + " " + call.method() + " " + shorten(call.path()) + " [" + call.contentType() + ", "
            + (call.body() == null ? 0 : call.body().length) + " bytes: " + preview(call.body()) + "] → no answer: " + e);
        byClass.merge("none", 1, Integer::sum);
        continue;
      }
      long millis = (System.nanoTime() - sent) / 1_000_000;
      if (millis > 3000) {
        System.out.println("[hostile] slow #" + i + " " + millis + " ms " + call.method() + " " + shorten(call.path())
            + " [" + (call.body() == null ? 0 : call.body().length) + " bytes: " + preview(call.body()) + "]");
      }
      int status = response.statusCode();
      byClass.merge(status / 100 + "xx", 1, Integer::sum);
      int[] counts = byEndpoint.computeIfAbsent(call.endpoint(), k -> new int[6]);
      counts[0]++;
      counts[Math.min(5, status / 100)]++;
      String problem = judge(call, response);
      if (call.mustRefuse() && status < 400) {
        replaceUsedFixture(call);
        before = snapshot();
      }
      if (problem != null && !COMPLETION_STRICT && call.endpoint().contains("complete")) {
        System.out.println("[hostile] completion (reported only) #" + i + " " + call.endpoint() + " → " + status
            + " " + problem + " [" + preview(call.body()) + "]");
      } else if (problem != null) {
        failures.add("#" + i + " " + call.method() + " " + shorten(call.path()) + " as " + call.user() + " ["
            + call.contentType() + ", " + (call.body() == null ? 0 : call.body().length) + " bytes: "
            + preview(call.body()) + "] → " + status + " " + shorten(response.body()) + ": " + problem);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, String> after = snapshot();
    Map<String, String> baseline = before;

    System.out.printf("[hostile] %d requests in %.1f s, by status class %s%n", calls.size(), seconds, byClass);
    byEndpoint.forEach((endpoint, c) -> System.out.printf(
        "[hostile]   %-48s %4d  (2xx %d, 4xx %d, 5xx %d)%n", endpoint, c[0], c[2], c[4], c[5]));
    failures.stream().limit(60).forEach(f -> System.out.println("[hostile] FAIL " + f));
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
    java.nio.file.Files.write(java.nio.file.Path.of("target", "hostile-failures.txt"), failures);

    assertThat(calls).hasSizeGreaterThanOrEqualTo(1000);
    assertThat(failures).as("requests answered wrongly (seed %d)", SEED).isEmpty();
    List<String> changed = new ArrayList<>();
    baseline.forEach((table, digest) -> {
      if (!digest.equals(after.get(table))) {
        changed.add(table);
      }
    });
    System.out.printf("[hostile] %d tables (planflow's, the engine's runtime and identity) compared row by row"
        + " before and after: %d changed by rejected requests %s%n", baseline.size(), changed.size(), changed);
    assertThat(changed).as("tables changed by rejected requests (seed %d)", SEED).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Fixtures

  private int fixtures;

  private void prepareFixtures() {
    newDraftTask();
    newReviewTask();
    long n = System.nanoTime() % 100_000;
    effectPlan = "KH-HOSTILE-C" + n;
    driver.createWardPlan(effectPlan);
    driver.putInEffect(effectPlan);
    driver.executeJobs();
    Integer id = jdbc.queryForObject(
        "select min(r.id) from unit_report r join plan_reporting_period p on r.period_ref = p.id "
            + "where p.plan_code = ? and r.unit_code = 'yh-pkthtdt' and p.status = 'OPEN'", Integer.class, effectPlan);
    reportId = id == null ? 1 : id;
    List<Task> submit = taskService.createTaskQuery().processInstanceBusinessKey(effectPlan)
        .taskDefinitionKey("submitReport").list().stream()
        .filter(t -> "yh-pkthtdt".equals(taskService.getVariable(t.getId(), "unit"))).toList();
    submitTask = submit.isEmpty() ? null : submit.get(0).getId();
    System.out.println("[hostile] fixtures: drafting " + draftingPlan + " (draftPlan " + draftTask + "), reviewDraft "
        + reviewTask + ", in effect " + effectPlan + " (report " + reportId + ", submitReport " + submitTask + ")");
  }

  private void newDraftTask() {
    draftingPlan = "KH-HOSTILE-A" + System.nanoTime() % 100_000 + "-" + (++fixtures);
    driver.createWardPlan(draftingPlan);
    draftTask = driver.task(draftingPlan, "draftPlan").getId();
  }

  private void newReviewTask() {
    String reviewedPlan = "KH-HOSTILE-B" + System.nanoTime() % 100_000 + "-" + (++fixtures);
    driver.createWardPlan(reviewedPlan);
    driver.complete(reviewedPlan, "draftPlan", "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
    reviewTask = driver.task(reviewedPlan, "reviewDraft").getId();
  }

  /**
   * A request that had to be refused was accepted (already a failure): give the following
   * requests a task to aim at again, and measure changes from here on.
   */
  private void replaceUsedFixture(Call call) {
    if (call.path().contains("{draftTask}")) {
      newDraftTask();
    } else if (call.path().contains("{reviewTask}")) {
      newReviewTask();
    } else if (call.path().contains("{submitTask}")) {
      submitTask = null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Generation

  private List<Call> generate() throws Exception {
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < PER_ENDPOINT; i++) {
      calls.add(bodyCall("POST /api/org", "POST", "/api/org", "admin", organization(i)));
      calls.add(bodyCall("POST /api/plans", "POST", "/api/plans", "kt.chuyenvien", plan(i)));
      calls.add(csvCall(i));
      calls.add(bodyCall("PUT /api/reports/{id}", "PUT", "/api/reports/" + reportId, "kt.chuyenvien", report()));
      calls.add(bodyCall("POST /api/plans/{code}/adhoc-reports", "POST",
          "/api/plans/" + effectPlan + "/adhoc-reports", "kt.chuyenvien", adHoc()));
      calls.add(bodyCall("PUT /api/calendar/{year}", "PUT", "/api/calendar/2027", "admin", calendar()));
      calls.add(bodyCall("POST /api/tasks/{id}/complete draftPlan", "POST", "/api/tasks/{draftTask}/complete",
          "kt.chuyenvien", completion("draftPlan")));
      calls.add(bodyCall("POST /api/tasks/{id}/complete reviewDraft", "POST", "/api/tasks/{reviewTask}/complete",
          "kt.truongphong", completion("reviewDraft")));
      if (submitTask != null) {
        calls.add(bodyCall("POST /api/tasks/{id}/complete submitReport", "POST",
            "/api/tasks/{submitTask}/complete", "kt.chuyenvien", completion("submitReport")));
      }
      calls.add(engineCall("draftPlan", "{draftTask}", "kt.chuyenvien"));
      calls.add(engineCall("reviewDraft", "{reviewTask}", "kt.truongphong"));
      calls.add(readCall());
      calls.add(readCall());
    }
    for (int i = 0; i < 30; i++) {
      calls.add(xlsxCall(i));
    }
    // Huge arrays once each (every entry is checked, so they are the slowest requests).
    calls.add(bodyCall("POST /api/tasks/{id}/complete draftPlan", "POST", "/api/tasks/{draftTask}/complete",
        "kt.chuyenvien", map("consultedUnits", repeat(10_000, () -> "yh-pvhxh"))));
    calls.add(new Call("POST /engine-rest/task/{id}/complete draftPlan", "POST", "/engine-rest/task/{draftTask}/complete",
        "kt.chuyenvien", JSON, json.writeValueAsBytes(map("variables", map("consultedUnits", map("type", "Json", "value",
            json.writeValueAsString(repeat(10_000, () -> "yh-pvhxh")))))), true));
    // The same hostile shapes at every body endpoint: over-deep, over-long, not UTF-8, wrong type.
    List<String[]> bodyEndpoints = new ArrayList<>(List.of(
        new String[] {"POST /api/org", "POST", "/api/org", "admin"},
        new String[] {"POST /api/plans", "POST", "/api/plans", "kt.chuyenvien"},
        new String[] {"PUT /api/reports/{id}", "PUT", "/api/reports/" + reportId, "kt.chuyenvien"},
        new String[] {"POST /api/plans/{code}/adhoc-reports", "POST", "/api/plans/" + effectPlan + "/adhoc-reports",
            "kt.chuyenvien"},
        new String[] {"PUT /api/calendar/{year}", "PUT", "/api/calendar/2027", "admin"},
        new String[] {"POST /api/tasks/{id}/complete draftPlan", "POST", "/api/tasks/{draftTask}/complete",
            "kt.chuyenvien"},
        new String[] {"PUT /api/plans/{code}/tasks csv", "PUT", "/api/plans/" + draftingPlan + "/tasks",
            "kt.chuyenvien"}));
    for (String[] e : bodyEndpoints) {
      for (byte[] body : hostileBodies()) {
        calls.add(new Call(e[0], e[1], e[2], e[3], JSON, body, true));
      }
      for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=xyz", "image/png", "application/json; charset=ISO-8859-1")) {
        String body = type.contains("8859") ? "{\"x\": \"\u00ff\"" : "<a>1</a>";
        calls.add(new Call(e[0], e[1], e[2], e[3], type, body.getBytes(StandardCharsets.ISO_8859_1), true));
      }
    }
    return calls;
  }

  /** Bodies no endpoint accepts. */
  private List<byte[]> hostileBodies() {
    List<byte[]> bodies = new ArrayList<>();
    bodies.add(("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
    bodies.add(("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
    bodies.add(("{\"units\": \"" + "x".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
    bodies.add(new byte[] {'{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
    bodies.add(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x00, '{', '}'});
    bodies.add(new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'});
    bodies.add("".getBytes(StandardCharsets.UTF_8));
    bodies.add("null".getBytes(StandardCharsets.UTF_8));
    bodies.add("[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
    bodies.add("\"<script>alert(1)</script>\"".getBytes(StandardCharsets.UTF_8));
    bodies.add("{\"days\": [".getBytes(StandardCharsets.UTF_8));
    bodies.add(("[" + "0,".repeat(300_000) + "0]").getBytes(StandardCharsets.UTF_8));
    bodies.add("{\"x\": 1e999999999}".getBytes(StandardCharsets.UTF_8));
    bodies.add(("{\"x\": " + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8));
    return bodies;
  }

  private Call bodyCall(String endpoint, String method, String path, String user, Object body) throws Exception {
    byte[] bytes = body instanceof byte[] raw ? raw : json.writeValueAsBytes(body);
    return new Call(endpoint, method, path, user, JSON, bytes, true);
  }

  // --- values ---

  private static final String[] SCRIPTS = {
      "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "'; drop table plan; --", "${7*7}",
      "#{T(java.lang.Runtime).getRuntime().exec('id')}", "../../../etc/passwd", "{{7*7}}", "\" OR 1=1 --"};
  private static final String[] BAD_DATES = {
      "+999999999-12-31", "-999999999-01-01", "2026-02-30", "2026-13-01", "1899-12-31", "2101-01-01", "0000-01-01",
      "31/12/2026", "2026-1-1", "", "   ", "2026-12-31T00:00:00", "9999-12-31", "1970-01-01"};
  private static final String[] CONTROLS = {"\u0000", "\u0007", "\u001b[31m", "\u0085", "\uFFFF", "\uD800", "\b", "\u007f"};

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private String huge() {
    int[] sizes = {10_001, 40_000, 120_000, 300_000, 1_000_000};
    int size = sizes[random.nextInt(sizes.length)];
    return "Ư".repeat(size);
  }

  private String withControl(String text) {
    return text + pick(CONTROLS) + text;
  }

  /** A value that is wrong wherever a text is expected: too long, control characters, wrong type. */
  private Object badText(int max) {
    return switch (random.nextInt(7)) {
      case 0 -> "x".repeat(max + 1 + random.nextInt(50));
      case 1 -> huge();
      case 2 -> withControl("Tên");
      case 3 -> List.of("mảng", "thay vì chữ");
      case 4 -> Map.of("object", 1);
      case 5 -> "\u0000";
      default -> "a\uDC00b";
    };
  }

  /** A value that is wrong where a code of an existing unit is expected. */
  private Object badCode() {
    return switch (random.nextInt(8)) {
      case 0 -> "khong-co-" + random.nextInt(1000);
      case 1 -> pick(SCRIPTS);
      case 2 -> "camunda-admin";
      case 3 -> huge();
      case 4 -> withControl("hn-sct");
      case 5 -> 12345;
      case 6 -> List.of("hn-sct");
      default -> "HN-SCT";
    };
  }

  private Object badDate() {
    return switch (random.nextInt(4)) {
      case 0 -> 20260101;
      case 1 -> List.of(2026, 2, 30);
      default -> pick(BAD_DATES);
    };
  }

  /** Wrong as any number planflow stores: not a number, or beyond numeric(19, 4). */
  private Object badNumber() {
    return switch (random.nextInt(6)) {
      case 0 -> "mười";
      case 1 -> new java.math.BigDecimal("1e20");
      case 2 -> new java.math.BigDecimal("0.123456789");
      case 3 -> List.of(1);
      case 4 -> Map.of("n", 1);
      default -> Double.MAX_VALUE;
    };
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private <T> List<T> repeat(int times, Supplier<T> item) {
    List<T> list = new ArrayList<>(times);
    for (int i = 0; i < times; i++) {
      list.add(item.get());
    }
    return list;
  }

  // --- organization ---

  private Object organization(int i) {
    String p = "hx" + i;
    Map<String, Object> ubnd = map("code", p + "-ubnd", "name", "Ủy ban nhân dân xã Thử " + i, "kind", "PEOPLES_COMMITTEE");
    Map<String, Object> dept = map("code", p + "-pkt", "name", "Phòng Kinh tế", "kind", "DEPARTMENT", "parent", p + "-ubnd");
    Map<String, Object> official = map("id", p + ".cv", "name", "Nguyễn Văn Thử", "email", "thu@example.vn",
        "unit", p + "-pkt", "roles", List.of("STAFF"), "password", "demo");
    Map<String, Object> chair = map("id", p + ".ct", "name", "Trần Thị Chủ", "unit", p + "-ubnd", "roles", List.of(),
        "committee", map("of", p + "-ubnd", "position", "CHAIR"));
    switch (random.nextInt(24)) {
      case 0 -> ubnd.put("code", badCode());
      case 1 -> ubnd.put("name", badText(300));
      case 2 -> ubnd.put("kind", pick(SCRIPTS));
      case 3 -> dept.put("parent", badCode());
      case 4 -> dept.put("symbol", badText(32));
      case 5 -> dept.put("place", badText(100));
      case 6 -> ubnd.put("settings", map("voteDays", badNumber()));
      case 7 -> official.put("id", random.nextBoolean() ? "admin" : "camunda-admin");
      case 8 -> official.put("name", badText(200));
      case 9 -> official.put("email", badText(200));
      case 10 -> official.put("unit", badCode());
      case 11 -> official.put("roles", List.of(random.nextBoolean() ? "ADMIN" : "camunda-admin"));
      case 12 -> chair.put("committee", map("of", badCode(), "position", "CHAIR"));
      case 13 -> chair.put("committee", map("of", p + "-ubnd", "position", "EMPEROR"));
      case 14 -> official.put("password", badText(200));
      case 15 -> ubnd.put("unexpected", "trường lạ");
      case 16 -> dept.put("code", "camunda-admin");
      case 17 -> dept.put("name", "Ban " + "Quản Trị Hệ Thống Rất Dài ".repeat(10).trim());
      case 18 -> {
        // over the unit count limit, every one valid on its own
        List<Object> many = repeat(20_001, () -> map("code", "u" + random.nextInt(1_000_000), "name", "Đơn vị",
            "kind", "OTHER"));
        return map("units", many);
      }
      case 19 -> official.put("roles", repeat(1000, () -> "STAFF"));
      case 20 -> ubnd.remove("kind");
      case 21 -> official.remove("unit");
      case 22 -> official.put("id", "camunda-admin");
      default -> dept.put("kind", List.of("DEPARTMENT"));
    }
    return map("units", List.of(ubnd, dept), "officials", List.of(official, chair));
  }

  // --- plans ---

  private Map<String, Object> validTask(String no) {
    return map("no", no, "group", "Truyền thông", "name", "Tuyên truyền", "content", "Nội dung", "target", "100%",
        "product", "Báo cáo", "leadUnit", "yh-pkthtdt", "coordinatingUnits", List.of("yh-pvhxh"),
        "budgetSource", "Ngân sách phường", "timeframe", "Năm 2026");
  }

  private Object plan(int i) {
    Map<String, Object> task = validTask("1");
    Map<String, Object> target = map("code", "1", "text", "Chỉ tiêu", "unit", "%", "value", 100);
    Map<String, Object> section = map("heading", "I. MỤC ĐÍCH", "body", "Nội dung");
    Map<String, Object> reporting = map("reportTo", "yh-pkthtdt", "deadlines", List.of("06-15", "12-15"));
    Map<String, Object> plan = map("code", "KH-HX-" + System.nanoTime() % 1_000_000 + "-" + i,
        "title", "Kế hoạch thử", "issuer", "yh-ubnd", "leadUnit", "yh-pkthtdt",
        "periodStart", "2026-01-01", "periodEnd", "2026-12-31", "legalBases", List.of("Căn cứ"),
        "objectives", "Mục tiêu", "targets", List.of(target), "sections", List.of(section), "budget", "Ngân sách",
        "tasks", List.of(task), "recipients", List.of("Lưu: VT"), "reporting", reporting);
    switch (random.nextInt(30)) {
      case 0 -> plan.put("code", badText(80));
      case 1 -> plan.put("title", badText(2000));
      case 2 -> plan.put("issuer", badCode());
      case 3 -> plan.put("leadUnit", badCode());
      case 4 -> plan.put("periodStart", badDate());
      case 5 -> plan.put("periodEnd", badDate());
      case 6 -> plan.put("objectives", random.nextBoolean() ? "x".repeat(100_001) : withControl("Mục tiêu"));
      case 7 -> plan.put("budget", random.nextBoolean() ? "x".repeat(100_001) : withControl("Kinh phí"));
      case 8 -> plan.put("legalBases", List.of(badText(4000)));
      case 9 -> target.put("code", badText(20));
      case 10 -> target.put("value", badNumber());
      case 11 -> target.put("unit", badText(40));
      case 12 -> section.put("body", random.nextBoolean() ? "x".repeat(100_001) : withControl("Thân"));
      case 13 -> section.put("heading", badText(500));
      case 14 -> task.put("name", badText(4000));
      case 15 -> task.put("content", random.nextBoolean() ? "x".repeat(100_001) : withControl("Nội dung"));
      case 16 -> task.put("group", badText(1000));
      case 17 -> task.put("product", badText(4000));
      case 18 -> task.put("budgetSource", badText(1000));
      case 19 -> task.put("timeframe", badText(200));
      case 20 -> task.put("leadUnit", badCode());
      case 21 -> task.put("coordinatingUnits", List.of(badText(2000)));
      case 22 -> plan.put("tasks", repeat(2001, () -> validTask("T" + random.nextInt(1_000_000_000))));
      case 23 -> reporting.put("deadlines", random.nextBoolean() ? List.of("13-45") : repeat(40, () -> "06-15"));
      case 24 -> plan.put("parentPlan", badText(80));
      case 25 -> plan.put("recipients", List.of(badText(1000)));
      case 26 -> plan.put("status", "IN_EFFECT");
      case 27 -> plan.put("tasks", Map.of("no", "1"));
      case 28 -> plan.put("code", pick(SCRIPTS));
      default -> plan.remove("title");
    }
    return plan;
  }

  // --- the appendix ---

  private Call csvCall(int i) {
    String row = "1,Nhóm,Tên,Nội dung,Mục tiêu,Sản phẩm,yh-pkthtdt,yh-pvhxh,Ngân sách,Năm 2026\n";
    byte[] body = switch (random.nextInt(10)) {
      case 0 -> (APPENDIX_HEADER + "1,Nhóm,Tên\u0000độc,,,,yh-pkthtdt,,,\n").getBytes(StandardCharsets.UTF_8);
      case 1 -> concat(APPENDIX_HEADER.getBytes(StandardCharsets.UTF_8), new byte[] {'1', ',', (byte) 0xC3, (byte) 0x28});
      case 2 -> (APPENDIX_HEADER + "1,Nhóm,\"" + "x".repeat(5000) + "\",,,,yh-pkthtdt,,,\n").getBytes(StandardCharsets.UTF_8);
      case 3 -> (APPENDIX_HEADER + "1,Nhóm,Tên,\"" + "y".repeat(100_001) + "\",,,yh-pkthtdt,,,\n").getBytes(StandardCharsets.UTF_8);
      case 4 -> {
        StringBuilder rows = new StringBuilder(APPENDIX_HEADER);
        for (int r = 1; r <= 20_000; r++) {
          rows.append(r).append(",Nhóm,Tên nhiệm vụ ").append(r).append(",,,,yh-pkthtdt,,,Năm 2026\n");
        }
        yield rows.toString().getBytes(StandardCharsets.UTF_8);
      }
      case 5 -> (APPENDIX_HEADER + "1,Nhóm,Tên,,,," + pick(SCRIPTS).replace(",", " ") + ",,,\n").getBytes(StandardCharsets.UTF_8);
      case 6 -> (APPENDIX_HEADER + "1,Nhóm,Tên,,,,yh-pkthtdt,,,\"" + "9".repeat(300) + "\"\n").getBytes(StandardCharsets.UTF_8);
      case 7 -> ("TT;Tên\n" + row).getBytes(StandardCharsets.UTF_8);
      case 8 -> (APPENDIX_HEADER + "1,\"unterminated\n" + row).getBytes(StandardCharsets.UTF_8);
      default -> (APPENDIX_HEADER + "1,Nhóm,Tên\u001bđộc,,,,yh-pkthtdt,,,\n").getBytes(StandardCharsets.UTF_8);
    };
    return new Call("PUT /api/plans/{code}/tasks csv", "PUT", "/api/plans/" + draftingPlan + "/tasks", "kt.chuyenvien",
        "text/csv", body, true);
  }

  private Call xlsxCall(int i) throws Exception {
    byte[] body = switch (i % 6) {
      case 0 -> randomBytes(2000);
      case 1 -> {
        byte[] valid = workbook(1, "Tên", "yh-pkthtdt");
        yield java.util.Arrays.copyOf(valid, valid.length / 2);
      }
      case 2 -> workbook(2001, "Tên", "yh-pkthtdt");
      case 3 -> workbook(1, random.nextBoolean() ? "Tên_x0000_độc" : "Tên_x001B_độc", "yh-pkthtdt");
      case 4 -> workbook(1, "Tên", "khong-co");
      default -> workbook(1, "x".repeat(4001), "yh-pkthtdt");
    };
    if (i % 2 == 0) {
      return new Call("PUT /api/plans/{code}/tasks xlsx", "PUT", "/api/plans/" + draftingPlan + "/tasks",
          "kt.chuyenvien", XLSX, body, true);
    }
    String boundary = "hostile" + i;
    ByteArrayOutputStream multipart = new ByteArrayOutputStream();
    multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"phu-luc.xlsx\"\r\n"
        + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    multipart.write(body);
    multipart.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Call("PUT /api/plans/{code}/tasks multipart", "PUT", "/api/plans/" + draftingPlan + "/tasks",
        "kt.chuyenvien", "multipart/form-data; boundary=" + boundary, multipart.toByteArray(), true);
  }

  private byte[] workbook(int rows, String name, String lead) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("Phụ lục");
      String[] header = APPENDIX_HEADER.strip().split(",");
      XSSFRow first = sheet.createRow(0);
      for (int c = 0; c < header.length; c++) {
        first.createCell(c).setCellValue(header[c]);
      }
      for (int r = 1; r <= rows; r++) {
        XSSFRow row = sheet.createRow(r);
        row.createCell(0).setCellValue(String.valueOf(r));
        row.createCell(2).setCellValue(name);
        row.createCell(6).setCellValue(lead);
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    bytes[0] = 'P';
    bytes[1] = 'K';
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  // --- reports, ad-hoc requests, calendar ---

  private Object report() {
    Map<String, Object> result = map("taskNo", "1", "status", "IN_PROGRESS", "progress", 50, "result", "Đã làm");
    Map<String, Object> indicator = map("targetCode", "4.1", "value", 80, "note", "Ghi chú");
    Map<String, Object> report = map("summary", "Tóm tắt", "taskResults", List.of(result), "indicators", List.of(indicator));
    switch (random.nextInt(14)) {
      case 0 -> report.put("summary", random.nextBoolean() ? "x".repeat(4001) : huge());
      case 1 -> report.put("summary", withControl("Tóm tắt"));
      case 2 -> result.put("taskNo", badCode());
      case 3 -> result.put("status", pick(SCRIPTS));
      case 4 -> result.put("progress", random.nextBoolean() ? 101 : -1);
      case 5 -> result.put("result", badText(10_000));
      case 6 -> indicator.put("targetCode", badCode());
      case 7 -> indicator.put("value", badNumber());
      case 8 -> indicator.put("note", badText(2000));
      case 9 -> report.put("taskResults", repeat(2001, () -> map("taskNo", "1", "status", "DONE")));
      case 10 -> report.put("indicators", repeat(3000, () -> map("targetCode", "9.9")));
      case 11 -> report.put("unit", "yh-pvhxh");
      case 12 -> report.put("taskResults", "1,2,3");
      default -> result.put("progress", "50%");
    }
    return report;
  }

  private Object adHoc() {
    Map<String, Object> request = map("title", "Báo cáo nhanh", "dueDate", "2026-12-30", "units", List.of("yh-pvhxh"));
    switch (random.nextInt(10)) {
      case 0 -> request.put("title", badText(500));
      case 1 -> request.put("dueDate", badDate());
      case 2 -> request.put("units", List.of(badCode()));
      case 3 -> request.put("units", List.of());
      case 4 -> request.put("units", repeat(5001, () -> "yh-pvhxh"));
      case 5 -> request.put("units", List.of("yh-pvhxh", "yh-pvhxh"));
      case 6 -> request.remove("title");
      case 7 -> request.put("dueDate", "2000-01-01");
      case 8 -> request.put("units", "yh-pvhxh");
      default -> request.put("priority", "cao");
    }
    return request;
  }

  private Object calendar() {
    Map<String, Object> day = map("date", "2027-01-01", "kind", "HOLIDAY", "name", "Tết Dương lịch");
    Map<String, Object> body = map("days", List.of(day));
    switch (random.nextInt(9)) {
      case 0 -> day.put("date", badDate());
      case 1 -> day.put("kind", pick(SCRIPTS));
      case 2 -> day.put("name", badText(200));
      case 3 -> day.put("date", "2026-01-01");
      case 4 -> body.put("days", repeat(100_000, () -> map("date", "2027-01-02", "kind", "HOLIDAY", "name", "x")));
      case 5 -> body.put("days", List.of());
      case 6 -> body.put("days", List.of(day, day));
      case 7 -> day.put("kind", "SWAPPED_WORKING_DAY");
      default -> body.put("days", "2027-01-01");
    }
    return body;
  }

  // --- task completion ---

  private Object completion(String form) {
    Map<String, Object> variables = new LinkedHashMap<>();
    switch (form) {
      case "draftPlan" -> {
        switch (random.nextInt(8)) {
          case 0 -> variables.put("consultedUnits", List.of(badCode()));
          case 1 -> variables.put("consultedUnits", List.of());
          case 2 -> variables.put("consultedUnits", repeat(300, () -> "yh-pvhxh"));
          case 3 -> { variables.put("consultedUnits", List.of("yh-pvhxh")); variables.put("consultationDays", badNumber()); }
          case 4 -> { variables.put("consultedUnits", List.of("yh-pvhxh")); variables.put("signer", "yh.pct1"); }
          case 5 -> variables.put("consultedUnits", huge());
          case 6 -> { variables.put("consultedUnits", List.of("yh-pvhxh")); variables.put("leadUnit", "hn-sct"); }
          default -> variables.put("consultedUnits", withControl("yh-pvhxh"));
        }
      }
      case "reviewDraft" -> {
        switch (random.nextInt(6)) {
          case 0 -> variables.put("approved", pick(SCRIPTS));
          case 1 -> { variables.put("approved", true); variables.put("comment", huge()); }
          case 2 -> { variables.put("approved", false); variables.put("comment", withControl("Ý kiến")); }
          case 3 -> variables.put("approved", List.of(true));
          case 4 -> { variables.put("approved", true); variables.put("issuer", "hn-ubnd"); }
          default -> variables.put("approved", 1);
        }
      }
      default -> {
        switch (random.nextInt(6)) {
          case 0 -> variables.put("summary", huge());
          case 1 -> variables.put("taskResults", List.of(map("taskNo", badCode(), "status", "DONE")));
          case 2 -> variables.put("indicators", List.of(map("targetCode", "4.1", "value", badNumber())));
          case 3 -> variables.put("summary", withControl("Tóm tắt"));
          case 4 -> variables.put("taskResults", "không phải JSON");
          default -> variables.put("unit", "yh-pvhxh");
        }
      }
    }
    return variables;
  }

  /** The same through Camunda REST, with typed variables (and a few types the engine must refuse). */
  private Call engineCall(String form, String taskId, String user) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = (Map<String, Object>) completion(form);
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> {
      if (value instanceof List<?> || value instanceof Map<?, ?>) {
        try {
          typed.put(name, map("value", json.writeValueAsString(value), "type", "Json"));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      } else if (value instanceof Boolean) {
        typed.put(name, map("value", value, "type", "Boolean"));
      } else {
        typed.put(name, map("value", value, "type", value instanceof Number ? "Integer" : "String"));
      }
    });
    if (random.nextInt(5) == 0) {
      typed.put("approved", map("value", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==", "type", "Object",
          "valueInfo", map("objectTypeName", "java.util.HashMap", "serializationDataFormat",
              "application/x-java-serialized-object")));
    }
    return new Call("POST /engine-rest/task/{id}/complete " + form, "POST", "/engine-rest/task/" + taskId + "/complete",
        user, JSON, json.writeValueAsBytes(map("variables", typed)), true);
  }

  // --- reads ---

  private Call readCall() {
    String weird = switch (random.nextInt(8)) {
      case 0 -> pick(SCRIPTS);
      case 1 -> "x".repeat(2000);
      case 2 -> "99999999999";
      case 3 -> "-1";
      case 4 -> "ư" + pick(CONTROLS).replace("\uD800", "") + "ư";
      case 5 -> "KHONG-CO";
      case 6 -> "1e10";
      default -> "%";
    };
    String w = URLEncoder.encode(weird, StandardCharsets.UTF_8).replace("+", "%20");
    String[][] reads = {
        {"GET /api/plans?status=", "/api/plans?status=" + w},
        {"GET /api/plans?issuer=&unit=", "/api/plans?issuer=" + w + "&unit=" + w},
        {"GET /api/plans/{code}", "/api/plans/" + w},
        {"GET /api/calendar/{year}", "/api/calendar/" + w},
        {"GET /api/reports/{id}", "/api/reports/" + w},
        {"GET /api/org/units/{code}", "/api/org/units/" + w},
        {"GET /api/plans/{code}/reports/{period}", "/api/plans/" + effectPlan + "/reports/" + w},
        {"GET /api/plans/{code}/document", "/api/plans/" + w + "/document"},
        {"GET /api/plans/{code}/reports/{period}/export", "/api/plans/" + effectPlan + "/reports/" + w + "/export"},
        {"GET /api/registers/{issuer}/{year}", "/api/registers/yh-ubnd/" + w + "?format=" + w},
        {"GET /api/dashboard/plans/{code}/timeline", "/api/dashboard/plans/" + w + "/timeline"},
        {"GET /api/dashboard/audit?plan=&format=", "/api/dashboard/audit?plan=" + w + "&format=csv"},
    };
    String[] read = reads[random.nextInt(reads.length)];
    String user = random.nextBoolean() ? "kt.truongphong" : "admin";
    return new Call(read[0], "GET", read[1], user, null, null, false);
  }

  // ---------------------------------------------------------------------------------------------
  // Sending and judging

  private HttpResponse<String> send(Call call) throws Exception {
    if (call.path().contains("{submitTask}") && submitTask == null) {
      return null;
    }
    String path = call.path().replace("{draftTask}", draftTask).replace("{reviewTask}", reviewTask)
        .replace("{submitTask}", String.valueOf(submitTask));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (call.user() + ":" + ("admin".equals(call.user()) ? "admin" : "demo")).getBytes(StandardCharsets.UTF_8)));
    if (call.contentType() != null) {
      request.header("Content-Type", call.contentType());
    }
    request.method(call.method(), call.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** What is wrong with the answer, or null. */
  private String judge(Call call, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 500) {
      return "server error";
    }
    if (!call.mustRefuse()) {
      return status < 400 || status == 404 || status == 400 || status == 403 ? null : "unexpected status";
    }
    if (status < 400) {
      return "accepted a request that had to be refused";
    }
    if (call.path().startsWith("/engine-rest")) {
      return null; // Camunda REST answers in its own error format
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/problem+json")) {
      return "not application/problem+json: " + type;
    }
    if (status == 400) {
      try {
        JsonNode problem = PLAIN.readTree(response.body());
        JsonNode errors = problem.get("errors");
        if (errors == null || errors.isEmpty() || errors.get(0).path("field").asText().isBlank()) {
          return "400 without a field";
        }
      } catch (Exception e) {
        return "problem body is not JSON";
      }
    }
    return null;
  }

  private Map<String, String> snapshot() throws Exception {
    Map<String, String> digests = new TreeMap<>();
    for (String table : TABLES) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      List<String> rows = new ArrayList<>();
      jdbc.query("select * from " + table, rs -> {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
          Object value = rs.getObject(c);
          row.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value)).append('|');
        }
        rows.add(row.toString());
      });
      rows.sort(null);
      rows.forEach(row -> sha.update(row.getBytes(StandardCharsets.UTF_8)));
      digests.put(table, rows.size() + ":" + HexFormat.of().formatHex(sha.digest()));
    }
    return digests;
  }

  private static String shorten(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 200 ? text : text.substring(0, 200) + "…(" + text.length() + ")";
  }

  private static String preview(byte[] body) {
    if (body == null) {
      return "";
    }
    String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
    return text.replaceAll("\\p{Cntrl}", "·");
  }
}
