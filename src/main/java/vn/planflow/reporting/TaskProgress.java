package vn.planflow.reporting;

/** How far a unit is with an appendix task. */
public enum TaskProgress {
  NOT_STARTED("Chưa triển khai"),
  IN_PROGRESS("Đang triển khai"),
  DONE("Hoàn thành");

  private final String label;

  TaskProgress(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
