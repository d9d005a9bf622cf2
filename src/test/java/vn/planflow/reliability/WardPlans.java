package vn.planflow.reliability;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans of the demo ward Yên Hòa taken through {@code plan-approval} over REST by its officials
 * (as {@code YenHoaReportingTest} does in-process), up to the clerk's {@code issuePlan}. Steps
 * are done plan by plan in lockstep so the job executor's async continuations of all plans run
 * while the next plan's step is sent.
 */
final class WardPlans {

  static final String ISSUER = "yh-ubnd";
  static final String LEAD_UNIT = "yh-pkthtdt";

  private final PlanflowJvm app;

  WardPlans(PlanflowJvm app) {
    this.app = app;
  }

  Official as(String user) {
    return Official.demo(app, user);
  }

  /** Imports {@code count} extra units of the ward ({@code prefix-001} …) with no officials. */
  List<String> importUnits(String prefix, int count) throws IOException, InterruptedException {
    List<Map<String, Object>> units = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String code = String.format("%s-%03d", prefix, i);
      codes.add(code);
      units.add(Map.of("code", code, "name", "Tổ dân phố số " + i, "kind", "OTHER", "parent", ISSUER));
    }
    Official.Response imported = as("admin").post("/api/org", Map.of("units", units, "officials", List.of()));
    if (!imported.ok()) {
      throw new AssertionError("POST /api/org: " + imported.status() + " " + imported.body());
    }
    return codes;
  }

  /**
   * Creates the plan (reporting in 2027, so no timer of it falls due during the test) with one
   * appendix task per lead unit.
   */
  void create(String code, List<String> leadUnits) throws IOException, InterruptedException {
    ObjectNode plan;
    try (InputStream demo = getClass().getResourceAsStream("/demo/yen-hoa-2026-plan.json")) {
      plan = (ObjectNode) Official.JSON.readTree(demo);
    }
    plan.put("code", code);
    plan.put("periodStart", "2027-01-01");
    plan.put("periodEnd", "2027-12-31");
    ArrayNode tasks = plan.putArray("tasks");
    int no = 1;
    for (String unit : leadUnits) {
      ObjectNode task = tasks.addObject();
      task.put("no", String.valueOf(no++));
      task.put("group", "Truyền thông");
      task.put("name", "Tuyên truyền về sản xuất và tiêu dùng bền vững tại " + unit);
      task.put("leadUnit", unit);
      task.putArray("coordinatingUnits");
      task.put("budgetSource", "Ngân sách phường");
      task.put("timeframe", "Năm 2027");
    }
    Official.Response created = as("kt.chuyenvien").post("/api/plans", Official.JSON.writeValueAsString(plan));
    if (created.status() != 201) {
      throw new AssertionError("POST /api/plans " + code + ": " + created.status() + " " + created.body());
    }
  }

  /** Every plan from drafting to the clerk's {@code issuePlan}, each step by its official. */
  void approve(List<String> codes) throws IOException, InterruptedException {
    for (Step step : steps()) {
      for (String code : codes) {
        as(step.user()).step(code, step.taskKey(), step.variables());
      }
    }
    for (String code : codes) {
      as("yh.vanthu").awaitTask(code, "issuePlan");
    }
  }

  /** The clerk completes {@code issuePlan}: the number is taken from the register. */
  Official.Response issue(String code) throws IOException, InterruptedException {
    Official clerk = as("yh.vanthu");
    return clerk.complete(clerk.awaitTask(code, "issuePlan"), Map.of());
  }

  /**
   * Opens an ad-hoc reporting period for the plan's reporting units, as its lead unit would. Right
   * after issuance the plan's reporting-cycle may not wait for the request yet (its start runs as
   * a job): a 409 is then retried.
   */
  Official.Response openAdHoc(String code, String title) throws IOException, InterruptedException {
    long until = System.currentTimeMillis() + 120_000;
    while (true) {
      Official.Response response = as("kt.chuyenvien").post("/api/plans/" + code + "/adhoc-reports", Map.of(
          "title", title, "dueDate", java.time.LocalDate.now().plusDays(40).toString()));
      if (response.status() != 409 || System.currentTimeMillis() > until) {
        return response;
      }
      Thread.sleep(500);
    }
  }

  private record Step(String user, String taskKey, Map<String, Object> variables) {}

  private static List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step("kt.chuyenvien", "draftPlan", ordered("consultedUnits", List.of("yh-pvhxh"), "consultationDays", 5)));
    steps.add(new Step("kt.truongphong", "reviewDraft", Map.of("approved", true)));
    steps.add(new Step("vhxh.chuyenvien", "giveOpinion", Map.of("opinion", "AGREE")));
    steps.add(new Step("kt.chuyenvien", "synthesizeOpinions", Map.of("reconsult", false)));
    steps.add(new Step("kt.truongphong", "approveSubmission", Map.of("approved", true)));
    steps.add(new Step("yh.vanphong", "reviewSubmission",
        ordered("decision", "VOTE_SLIP", "signer", "yh.pct1", "voteDays", 2)));
    // Every member returns the slip: the demo ward keeps slips open until all are in or the deadline.
    for (String member : List.of("yh.chutich", "yh.pct1", "yh.pct2", "kt.truongphong", "vhxh.truongphong",
        "yh.congan", "yh.quansu")) {
      steps.add(new Step(member, "castVote", Map.of("vote", "AGREE")));
    }
    steps.add(new Step("yh.pct1", "signPlan", Map.of("decision", "SIGN")));
    return steps;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
