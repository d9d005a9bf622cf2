package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.org.OfficialRepository;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;
import vn.planflow.reporting.ReportingCycle;

/**
 * Who may read and do what: every role of the demo organization (and an official of another
 * province, an administrator, an anonymous caller) against every read endpoint of {@code /api},
 * every download, the dashboard, the directory, Camunda REST's signal, users and history, and
 * reading, claiming and completing the tasks of both processes. Four Yên Hòa plans stand at
 * the steps that matter: in consultation, in a vote still open, voted and awaiting signature, and
 * in effect with a reporting period open.
 *
 * <p>Prints the whole matrix (a person reads it to review the rules) and fails naming every cell
 * that differs from the rule, not only the first.
 */
@PlanflowIntegrationTest
class AuthorizationMatrixTest {

  private static final String CONSULTING = "KH-MATRIX-CONSULTING";
  private static final String VOTING = "KH-MATRIX-VOTING";
  private static final String TALLIED = "KH-MATRIX-TALLIED";
  private static final String IN_EFFECT = "KH-MATRIX-IN-EFFECT";
  private static final String VOTE_STEP = "Biểu quyết bằng phiếu";

  /** A row of the matrix: who calls. */
  enum Role {
    STAFF("kt.chuyenvien", "chuyên viên đơn vị chủ trì"),
    LEADER("kt.phophong", "lãnh đạo đơn vị chủ trì"),
    CONSULTED("vhxh.chuyenvien", "chuyên viên đơn vị được lấy ý kiến, đơn vị báo cáo"),
    OFFICE("yh.vanphong", "Văn phòng UBND phường"),
    CLERK("yh.vanthu", "văn thư UBND phường"),
    MEMBER("yh.congan", "thành viên UBND (Trưởng Công an phường)"),
    CHAIR("yh.chutich", "Chủ tịch UBND phường (đã biểu quyết)"),
    VICE_CHAIR("yh.pct1", "Phó Chủ tịch, người ký"),
    OTHER_UNIT("htx-yenhoa.nhanvien", "đơn vị khác của phường, không tham gia"),
    CITY("hn.vanphong", "Văn phòng UBND thành phố (cơ quan ban hành khác)"),
    PROVINCE("mx.chuyenvien", "chuyên viên của tỉnh khác"),
    ADMIN("admin", "quản trị hệ thống"),
    ANONYMOUS(null, "không đăng nhập");

    final String user;
    final String label;

    Role(String user, String label) {
      this.user = user;
      this.label = label;
    }
  }

  private static final Set<Role> ALL_OFFICIALS = Set.of(Role.STAFF, Role.LEADER, Role.CONSULTED, Role.OFFICE,
      Role.CLERK, Role.MEMBER, Role.CHAIR, Role.VICE_CHAIR, Role.OTHER_UNIT, Role.CITY, Role.PROVINCE, Role.ADMIN);
  /** Those who take part in a ward plan before it is issued. */
  private static final Set<Role> PARTICIPANTS = Set.of(Role.STAFF, Role.LEADER, Role.CONSULTED, Role.OFFICE,
      Role.CLERK, Role.MEMBER, Role.CHAIR, Role.VICE_CHAIR, Role.ADMIN);
  /** Before the tally: the office that runs the vote, and administrators. */
  private static final Set<Role> VOTE_RUNNERS = Set.of(Role.OFFICE, Role.ADMIN);
  /** The plan's own units, the issuer's leaders and office, and the other unit that reports in it. */
  private static final Set<Role> REPORT_READERS = Set.of(Role.STAFF, Role.LEADER, Role.CONSULTED, Role.OFFICE,
      Role.CHAIR, Role.VICE_CHAIR, Role.ADMIN);
  private static final Set<Role> NOBODY = Set.of();

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired PlanApprovalDriver driver;
  @Autowired vn.planflow.org.CommitteeRules committeeRules;
  @Autowired OfficialRepository officials;

  /** A column of the matrix: what is tried, who should succeed, and how to find out. */
  private record Column(String name, Set<Role> allowed, Function<Role, String> probe) {}

  private static final String ALLOW = "allow";
  private static final String DENY = "deny";

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void everyRoleReadsAndDoesExactlyWhatTheRulesAllow() {
    importAnotherProvince();
    drivePlans();
    String pct2 = officials.findById("yh.pct2").orElseThrow().getName();
    String giveOpinion = driver.taskOf(CONSULTING, PlanApproval.GIVE_OPINION, "unit", "yh-pvhxh").getId();
    String memberSlip = driver.taskOf(VOTING, PlanApproval.CAST_VOTE, "member", "yh.congan").getId();
    String signPlan = driver.task(TALLIED, PlanApproval.SIGN_PLAN).getId();
    String submitReport = driver.taskOf(IN_EFFECT, ReportingCycle.SUBMIT_REPORT, "unit", "yh-pvhxh").getId();
    JsonNode periods = client(Role.ADMIN).getJson("/api/plans/" + IN_EFFECT + "/reports");
    long leadUnitReport = reportOf(periods, "yh-pkthtdt");

    List<Column> columns = new ArrayList<>();
    // A plan in consultation.
    columns.add(read("GET /api/plans/{consulting}", "/api/plans/" + CONSULTING, PARTICIPANTS));
    columns.add(flag("GET /api/plans lists it", "/api/plans", PARTICIPANTS, body -> codes(body).contains(CONSULTING)));
    columns.add(read("GET /api/plans/{consulting}/document", "/api/plans/" + CONSULTING + "/document", PARTICIPANTS));
    columns.add(read("GET dashboard timeline {consulting}", "/api/dashboard/plans/" + CONSULTING + "/timeline",
        PARTICIPANTS));
    columns.add(flag("GET dashboard overview counts it", "/api/dashboard/overview", PARTICIPANTS,
        body -> body.get("plans").findValuesAsText("code").contains(CONSULTING)));
    // A vote still open: the chair and yh.pct2 have voted.
    columns.add(read("GET /api/plans/{voting}", "/api/plans/" + VOTING, PARTICIPANTS));
    columns.add(flag("  its JSON shows another member's slip", "/api/plans/" + VOTING, VOTE_RUNNERS,
        body -> castSlips(body).contains("yh.pct2")));
    columns.add(read("GET /api/plans/{voting}/submission", "/api/plans/" + VOTING + "/submission", PARTICIPANTS));
    columns.add(read("GET /api/plans/{voting}/vote-record", "/api/plans/" + VOTING + "/vote-record", VOTE_RUNNERS));
    columns.add(read("GET dashboard timeline {voting}", "/api/dashboard/plans/" + VOTING + "/timeline", PARTICIPANTS));
    columns.add(flag("  timeline shows another member's slip", "/api/dashboard/plans/" + VOTING + "/timeline",
        VOTE_RUNNERS, body -> anyStep(body.get("steps"), s -> VOTE_STEP.equals(s.path("step").asText())
            && pct2.equals(s.path("actor").asText()))));
    columns.add(read("GET dashboard compliance {voting}", "/api/dashboard/plans/" + VOTING + "/compliance",
        PARTICIPANTS));
    columns.add(read("GET dashboard targets {voting}", "/api/dashboard/plans/" + VOTING + "/targets", PARTICIPANTS));
    columns.add(read("GET dashboard audit {voting}", "/api/dashboard/audit?plan=" + VOTING,
        Set.of(Role.LEADER, Role.MEMBER, Role.CHAIR, Role.VICE_CHAIR, Role.ADMIN)));
    columns.add(flag("  audit shows another member's slip", "/api/dashboard/audit?plan=" + VOTING, Set.of(Role.ADMIN),
        body -> anyStep(body, e -> VOTE_STEP.equals(e.path("step").asText()) && pct2.equals(e.path("actor").asText()))));
    columns.add(flag("GET /engine-rest history of vote slips", "/engine-rest/history/variable-instance?variableName=vote",
        Set.of(Role.ADMIN), body -> body.size() > 0));
    // Voted, awaiting signature.
    columns.add(read("GET /api/plans/{tallied}", "/api/plans/" + TALLIED, PARTICIPANTS));
    columns.add(flag("  its JSON shows every slip", "/api/plans/" + TALLIED, PARTICIPANTS,
        body -> castSlips(body).contains("yh.pct2")));
    columns.add(read("GET /api/plans/{tallied}/vote-record", "/api/plans/" + TALLIED + "/vote-record", PARTICIPANTS));
    columns.add(flag("  timeline shows every slip", "/api/dashboard/plans/" + TALLIED + "/timeline", PARTICIPANTS,
        body -> anyStep(body.get("steps"), s -> VOTE_STEP.equals(s.path("step").asText())
            && pct2.equals(s.path("actor").asText()))));
    // In effect, the mid-year report being collected.
    columns.add(read("GET /api/plans/{in effect}", "/api/plans/" + IN_EFFECT, ALL_OFFICIALS));
    columns.add(read("GET /api/plans/{in effect}/document", "/api/plans/" + IN_EFFECT + "/document", ALL_OFFICIALS));
    columns.add(read("GET dashboard timeline {in effect}", "/api/dashboard/plans/" + IN_EFFECT + "/timeline",
        ALL_OFFICIALS));
    columns.add(read("GET dashboard compliance {in effect}", "/api/dashboard/plans/" + IN_EFFECT + "/compliance",
        ALL_OFFICIALS));
    columns.add(read("GET /api/plans/{in effect}/reports", "/api/plans/" + IN_EFFECT + "/reports", REPORT_READERS));
    columns.add(read("GET …/reports/2026-H1", "/api/plans/" + IN_EFFECT + "/reports/2026-H1", REPORT_READERS));
    columns.add(read("GET …/reports/2026-H1/document", "/api/plans/" + IN_EFFECT + "/reports/2026-H1/document",
        REPORT_READERS));
    columns.add(read("GET …/reports/2026-H1/export", "/api/plans/" + IN_EFFECT + "/reports/2026-H1/export",
        REPORT_READERS));
    columns.add(read("GET /api/reports/{lead unit's report}", "/api/reports/" + leadUnitReport,
        Set.of(Role.STAFF, Role.LEADER, Role.OFFICE, Role.CHAIR, Role.VICE_CHAIR, Role.ADMIN)));
    // Registers, directory, dashboard page.
    columns.add(read("GET /api/registers/yh-ubnd/2026", "/api/registers/yh-ubnd/2026",
        Set.of(Role.OFFICE, Role.CLERK, Role.CHAIR, Role.VICE_CHAIR, Role.ADMIN)));
    columns.add(read("GET /api/registers/yh-ubnd/2026?format=xlsx", "/api/registers/yh-ubnd/2026?format=xlsx",
        Set.of(Role.OFFICE, Role.CLERK, Role.CHAIR, Role.VICE_CHAIR, Role.ADMIN)));
    columns.add(read("GET /api/registers/yh-pkthtdt/2026", "/api/registers/yh-pkthtdt/2026",
        Set.of(Role.STAFF, Role.LEADER, Role.ADMIN)));
    columns.add(read("GET /api/org/units", "/api/org/units", ALL_OFFICIALS));
    columns.add(read("GET /api/org/units/yh-pkthtdt", "/api/org/units/yh-pkthtdt", ALL_OFFICIALS));
    columns.add(flag("  it shows others' e-mail", "/api/org/units/yh-pkthtdt", Set.of(Role.ADMIN),
        (role, body) -> othersEmails(body.get("officials"), role.user)));
    columns.add(flag("GET /engine-rest/user shows officials' e-mail", "/engine-rest/user?maxResults=500", NOBODY,
        (role, body) -> othersEmails(body, role.user)));
    // Tasklist shows assignees by name: every official still reads names through the engine.
    columns.add(flag("GET /engine-rest/user/yh.pct1/profile: name, no e-mail", "/engine-rest/user/yh.pct1/profile", ALL_OFFICIALS,
        body -> !body.path("lastName").asText().isBlank() && !body.hasNonNull("email")));
    columns.add(read("GET /calendar/2026 (public data)", "/api/calendar/2026", ALL_OFFICIALS));
    columns.add(read("GET /dashboard (page)", "/dashboard", ALL_OFFICIALS));
    columns.add(read("GET /dashboard/audit (page)", "/dashboard/audit",
        Set.of(Role.LEADER, Role.MEMBER, Role.CHAIR, Role.VICE_CHAIR, Role.ADMIN)));
    // Camunda REST: broadcasting, and the tasks of both processes.
    columns.add(new Column("POST /engine-rest/signal", Set.of(Role.ADMIN),
        role -> outcome(send(role, HttpMethod.POST, "/engine-rest/signal", Map.of("name", "planflow-matrix")))));
    columns.addAll(taskColumns("giveOpinion (yh-pvhxh)", giveOpinion, Set.of(Role.CONSULTED), true, Map.of()));
    columns.addAll(taskColumns("castVote (yh.congan)", memberSlip, Set.of(Role.MEMBER), false, Map.of()));
    columns.addAll(taskColumns("signPlan (yh.pct1)", signPlan, Set.of(Role.VICE_CHAIR), false, Map.of()));
    columns.addAll(taskColumns("submitReport (yh-pvhxh)", submitReport, Set.of(Role.CONSULTED), true,
        Map.of("taskResults", Map.of("value", "không phải JSON", "type", "String"))));
    // Last, as it changes the plan: an official cannot ask for an ad-hoc report through the engine.
    columns.add(new Column("POST /engine-rest/message (ad-hoc report)", Set.of(Role.ADMIN),
        role -> outcome(send(role, HttpMethod.POST, "/engine-rest/message", Map.of(
            "messageName", "AdHocReportRequested", "businessKey", IN_EFFECT,
            "processVariables", OfficialClient.typed(Map.of("title", "Báo cáo nhanh", "dueDate",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30).toString(),
                "units", "yh-pvhxh")))))));

    Map<Column, Map<Role, String>> observed = new LinkedHashMap<>();
    for (Column column : columns) {
      Map<Role, String> row = new LinkedHashMap<>();
      for (Role role : Role.values()) {
        row.put(role, column.probe().apply(role));
      }
      observed.put(column, row);
    }

    List<String> wrong = new ArrayList<>();
    observed.forEach((column, row) -> row.forEach((role, seen) -> {
      String expected = column.allowed().contains(role) ? ALLOW : DENY;
      if (!expected.equals(seen)) {
        wrong.add(column.name().strip() + " × " + role + " (" + role.user + "): expected " + expected + ", got " + seen);
      }
    }));
    print(observed);

    // The member who voted sees her own slip, not the others', before the tally.
    JsonNode chairsView = client(Role.CHAIR).getJson("/api/plans/" + VOTING);
    assertThat(castSlips(chairsView)).containsExactly("yh.chutich");
    assertThat(chairsView.at("/voteRecord/slips").findValuesAsText("member")).hasSize(7);
    assertThat(wrong).as("cells that break the read rules").isEmpty();
  }

  // ---- the plans -------------------------------------------------------------------------

  private void drivePlans() {
    driver.createWardPlan(CONSULTING);
    driver.complete(CONSULTING, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", vars("consultedUnits", List.of("yh-pvhxh")));
    driver.complete(CONSULTING, PlanApproval.REVIEW_DRAFT, "kt.truongphong", vars("approved", true));

    // TALLIED is decided by four of seven slips: the ward's rules here close voting early.
    committeeRules.closeVotingEarly("yh-ubnd", true);
    for (String code : List.of(VOTING, TALLIED)) {
      driver.createWardPlan(code);
      driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", vars("consultedUnits", List.of("yh-pvhxh")));
      driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", vars("approved", true));
      driver.complete(code, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien", vars("opinion", "AGREE"));
      driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", vars("reconsult", false));
      driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", vars("approved", true));
      driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
          vars("decision", "VOTE_SLIP", "signer", "yh.pct1"));
    }
    vote(VOTING, "yh.chutich", "AGREE", "Đồng ý, đề nghị bổ sung kinh phí");
    vote(VOTING, "yh.pct2", "DISAGREE", "Chưa đồng ý: chỉ tiêu quá cao");
    for (String member : List.of("yh.chutich", "yh.pct1", "yh.pct2", "kt.truongphong")) {
      vote(TALLIED, member, "AGREE", null);
    }
    driver.task(TALLIED, PlanApproval.SIGN_PLAN);
    committeeRules.restoreDefaults();

    // Last, as its timers would fire at any later step run on today's clock.
    driver.moveClockTo(java.sql.Timestamp.valueOf("2026-05-04 08:30:00"));
    driver.createWardPlan(IN_EFFECT);
    driver.putInEffect(IN_EFFECT);
    driver.moveClockTo(java.sql.Timestamp.valueOf("2026-06-01 08:01:00"));
    driver.executeJobs();
    driver.resetClock();
  }

  private void vote(String code, String member, String vote, String comment) {
    driver.completeTask(driver.openTasks(code, PlanApproval.CAST_VOTE).stream()
        .filter(t -> member.equals(t.getAssignee())).findFirst().orElseThrow(),
        member, comment == null ? vars("vote", vote) : vars("vote", vote, "comment", comment));
  }

  /** An official of another province: Hà Tĩnh's department of industry and trade. */
  private void importAnotherProvince() {
    ResponseEntity<String> imported = client(Role.ADMIN).post("/api/org", json("""
        {"units": [
          {"code": "mx-ubnd", "name": "Ủy ban nhân dân tỉnh Hà Tĩnh", "kind": "PEOPLES_COMMITTEE", "place": "Hà Tĩnh"},
          {"code": "mx-sct", "name": "Sở Công Thương", "kind": "DEPARTMENT", "parent": "mx-ubnd"}],
         "officials": [
          {"id": "mx.chuyenvien", "name": "Lê Văn Tĩnh", "email": "tinh.lv@example.vn", "unit": "mx-sct",
           "roles": ["STAFF"], "password": "demo"}]}
        """));
    assertThat(imported.getStatusCode().is2xxSuccessful()).as(imported.getBody()).isTrue();
  }

  // ---- columns ---------------------------------------------------------------------------

  /** A read: allowed when it answers 2xx; 401 and 403 deny; anything else is an error. */
  private Column read(String name, String path, Set<Role> allowed) {
    return new Column(name, allowed, role -> outcome(get(role, path)));
  }

  /** Something seen in an answer: allowed when the read succeeds and shows it. */
  private Column flag(String name, String path, Set<Role> allowed, Predicate<JsonNode> shows) {
    return flag(name, path, allowed, (role, body) -> shows.test(body));
  }

  private Column flag(String name, String path, Set<Role> allowed, BiPredicate<Role, JsonNode> shows) {
    return new Column(name, allowed, role -> {
      ResponseEntity<String> response = get(role, path);
      if (!response.getStatusCode().is2xxSuccessful()) {
        return outcome(response);
      }
      return shows.test(role, read(response.getBody())) ? ALLOW : DENY;
    });
  }

  /**
   * Reading, claiming (unassigned tasks only; given back at once) and completing a task through
   * Camunda REST. Completion sends variables its rules refuse, so that an allowed caller gets the
   * 400 of the rules (the authorization has passed) and the task stays for the other rows.
   */
  private List<Column> taskColumns(String name, String taskId, Set<Role> workers, boolean claimable,
      Map<String, Object> badVariables) {
    Set<Role> readers = new java.util.HashSet<>(workers);
    readers.add(Role.ADMIN);
    List<Column> columns = new ArrayList<>();
    columns.add(new Column(name + ": read", readers, role -> outcome(get(role, "/engine-rest/task/" + taskId))));
    if (claimable) {
      columns.add(new Column(name + ": claim", readers, role -> {
        ResponseEntity<String> claim = send(role, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
            Map.of("userId", role.user == null ? "nobody" : role.user));
        if (claim.getStatusCode().is2xxSuccessful()) {
          client(Role.ADMIN).post("/engine-rest/task/" + taskId + "/unclaim", Map.of());
        }
        return outcome(claim);
      }));
    }
    columns.add(new Column(name + ": complete", workers, role -> {
      ResponseEntity<String> complete = send(role, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
          Map.of("variables", badVariables));
      return complete.getStatusCode().value() == 400 ? ALLOW : outcome(complete);
    }));
    return columns;
  }

  private static String outcome(ResponseEntity<String> response) {
    int status = response.getStatusCode().value();
    if (status >= 200 && status < 300) {
      return ALLOW;
    }
    // Camunda REST answers 404 for a task the caller may not see.
    if (status == 401 || status == 403 || status == 404 && response.getBody() != null
        && response.getBody().contains("task")) {
      return DENY;
    }
    return "HTTP " + status + " " + abbreviate(response.getBody());
  }

  // ---- HTTP --------------------------------------------------------------------------------

  private OfficialClient client(Role role) {
    return OfficialClient.demo(rest, json, role.user);
  }

  private ResponseEntity<String> get(Role role, String path) {
    return role.user == null ? rest.getForEntity(path, String.class) : client(role).get(path);
  }

  private ResponseEntity<String> send(Role role, HttpMethod method, String path, Object body) {
    if (role.user != null) {
      return client(role).send(method, path, body, MediaType.APPLICATION_JSON);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  // ---- reading answers ---------------------------------------------------------------------

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      return json.createObjectNode(); // a file, not JSON: shows nothing
    }
  }

  private JsonNode json(String text) {
    return read(text);
  }

  private static List<String> codes(JsonNode plans) {
    return plans.findValuesAsText("code");
  }

  /** The members whose vote the plan's JSON shows. */
  private static List<String> castSlips(JsonNode plan) {
    List<String> members = new ArrayList<>();
    plan.path("voteRecord").path("slips").forEach(slip -> {
      if (!slip.path("vote").isNull() && !slip.path("vote").isMissingNode()) {
        members.add(slip.path("member").asText());
      }
    });
    return members;
  }

  private static boolean anyStep(JsonNode steps, Predicate<JsonNode> test) {
    if (steps == null) {
      return false;
    }
    for (JsonNode step : steps) {
      if (test.test(step)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether any listed official other than the caller shows an e-mail address (the
   * administrator's account, not an official, keeps its own: a contact for officials).
   */
  private static boolean othersEmails(JsonNode people, String self) {
    return anyStep(people, person -> !person.path("id").asText().equals(self)
        && !Role.ADMIN.user.equals(person.path("id").asText())
        && person.hasNonNull("email") && !person.path("email").asText().isBlank());
  }

  private static long reportOf(JsonNode periods, String unit) {
    for (JsonNode status : periods.get(0).get("units")) {
      if (unit.equals(status.get("unit").asText())) {
        return status.get("reportId").asLong();
      }
    }
    throw new AssertionError("no report of " + unit + " in " + periods);
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    String flat = body.replaceAll("\\s+", " ");
    return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
  }

  // ---- printing ----------------------------------------------------------------------------

  /**
   * The matrix as text: a line per endpoint or action, a column per role; {@code Y} allowed,
   * {@code .} denied, {@code !} after a cell that breaks the rule. Printed to standard output on
   * purpose: it is the test's report, read in the build log.
   */
  private static void print(Map<Column, Map<Role, String>> observed) {
    int width = observed.keySet().stream().mapToInt(c -> c.name().length()).max().orElse(10);
    StringBuilder out = new StringBuilder("\nAuthorization matrix (Y allowed, . denied, ! differs from the rule)\n");
    out.append(String.format("%-" + width + "s", ""));
    for (Role role : Role.values()) {
      out.append(' ').append(String.format("%-3s", shortName(role)));
    }
    out.append('\n');
    int cells = 0;
    int wrong = 0;
    for (Map.Entry<Column, Map<Role, String>> line : observed.entrySet()) {
      out.append(String.format("%-" + width + "s", line.getKey().name()));
      for (Role role : Role.values()) {
        String seen = line.getValue().get(role);
        boolean expected = line.getKey().allowed().contains(role);
        boolean ok = (expected ? ALLOW : DENY).equals(seen);
        String mark = ALLOW.equals(seen) ? "Y" : DENY.equals(seen) ? "." : "E";
        out.append(' ').append(String.format("%-3s", mark + (ok ? "" : "!")));
        cells++;
        wrong += ok ? 0 : 1;
      }
      out.append('\n');
    }
    out.append("Roles: ");
    for (Role role : Role.values()) {
      out.append(shortName(role)).append('=').append(role.user == null ? "-" : role.user)
          .append(" (").append(role.label).append("); ");
    }
    out.append('\n').append(cells).append(" cells, ").append(wrong).append(" differ from the rule\n");
    System.out.println(out);
  }

  private static String shortName(Role role) {
    return switch (role) {
      case STAFF -> "STF";
      case LEADER -> "LDR";
      case CONSULTED -> "CNS";
      case OFFICE -> "OFF";
      case CLERK -> "CLK";
      case MEMBER -> "MBR";
      case CHAIR -> "CHR";
      case VICE_CHAIR -> "VCH";
      case OTHER_UNIT -> "OTH";
      case CITY -> "CTY";
      case PROVINCE -> "PRV";
      case ADMIN -> "ADM";
      case ANONYMOUS -> "ANO";
    };
  }
}
