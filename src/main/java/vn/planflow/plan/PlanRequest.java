package vn.planflow.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /api/plans} (CONTRACT §3). */
public record PlanRequest(
    String code,
    String title,
    String issuer,
    String leadUnit,
    LocalDate periodStart,
    LocalDate periodEnd,
    List<String> legalBases,
    String objectives,
    List<TargetData> targets,
    List<SectionData> sections,
    String budget,
    List<TaskData> tasks,
    List<String> recipients,
    ReportingData reporting,
    String parentPlan) {

  public record TargetData(String code, String text, String unit, BigDecimal value) {}

  public record SectionData(String heading, String body) {}

  public record TaskData(
      String no,
      String group,
      String name,
      String content,
      String target,
      String product,
      String leadUnit,
      List<String> coordinatingUnits,
      String budgetSource,
      String timeframe) {}

  public record ReportingData(String reportTo, List<String> deadlines) {}

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
