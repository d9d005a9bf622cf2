package vn.planflow.reporting;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code PUT /api/reports/{id}} and the variables of {@code submitReport}:
 * {@code summary}, {@code taskResults}, {@code indicators} (CONTRACT §5), and the optional
 * {@code difficulties} (khó khăn, vướng mắc) and {@code recommendations} (kiến nghị, đề xuất).
 */
public record ReportContent(String summary, List<TaskResultData> taskResults, List<IndicatorData> indicators,
    String difficulties, String recommendations) {

  public ReportContent(String summary, List<TaskResultData> taskResults, List<IndicatorData> indicators) {
    this(summary, taskResults, indicators, null, null);
  }

  public record TaskResultData(String taskNo, TaskProgress status, Integer progress, String result) {}

  public record IndicatorData(String targetCode, BigDecimal value, String note) {}

  List<TaskResultData> taskResultsOrEmpty() {
    return taskResults == null ? List.of() : taskResults;
  }

  List<IndicatorData> indicatorsOrEmpty() {
    return indicators == null ? List.of() : indicators;
  }
}
