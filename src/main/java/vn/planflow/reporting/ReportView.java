package vn.planflow.reporting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A unit's report as the API shows it. */
public record ReportView(Long id, String plan, String period, String unit, String status, String statusLabel,
    String summary, String difficulties, String recommendations, List<ReportView.TaskResultView> taskResults,
    List<ReportView.IndicatorView> indicators, String submittedBy, OffsetDateTime submittedAt) {

  public record TaskResultView(String taskNo, String status, String statusLabel, Integer progress, String result) {}

  public record IndicatorView(String targetCode, BigDecimal value, String note) {}

  static ReportView of(UnitReport report) {
    return new ReportView(report.getId(), report.getPeriod().getPlanCode(), report.getPeriod().getPeriodId(),
        report.getUnitCode(), report.getStatus().name(), report.getStatus().label(), report.getSummary(),
        report.getDifficulties(), report.getRecommendations(),
        report.getTaskResults().stream().map(t -> new TaskResultView(t.getTaskNo(), t.getStatus().name(),
            t.getStatus().label(), t.getProgress(), t.getResult())).toList(),
        report.getIndicators().stream().map(i -> new IndicatorView(i.getTargetCode(), i.getValue(), i.getNote()))
            .toList(),
        report.getSubmittedBy(), report.getSubmittedAt());
  }
}
