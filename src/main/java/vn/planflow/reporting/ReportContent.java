package vn.planflow.reporting;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code PUT /api/reports/{id}} and the variables of {@code submitReport}:
 * {@code summary}, {@code taskResults}, {@code indicators} (CONTRACT §5).
 */
public record ReportContent(String summary, List<TaskResultData> taskResults, List<IndicatorData> indicators) {

  public record TaskResultData(String taskNo, TaskProgress status, Integer progress, String result) {}

  public record IndicatorData(String targetCode, BigDecimal value, String note) {}

  List<TaskResultData> taskResultsOrEmpty() {
    return taskResults == null ? List.of() : taskResults;
  }

  List<IndicatorData> indicatorsOrEmpty() {
    return indicators == null ? List.of() : indicators;
  }
}
