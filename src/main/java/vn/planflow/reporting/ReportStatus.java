package vn.planflow.reporting;

/** Where a unit's report of a period stands (CONTRACT §5). */
public enum ReportStatus {
  /** Asked, not yet submitted (a draft may be saved). */
  PENDING("Chưa gửi"),
  /** Submitted by the due time. */
  SUBMITTED("Đã gửi đúng hạn"),
  /** Submitted after the due time, before collection closed. */
  LATE("Gửi muộn"),
  /** Not submitted when collection closed. */
  MISSING("Không gửi");

  private final String label;

  ReportStatus(String label) {
    this.label = label;
  }

  /** How officials read it. */
  public String label() {
    return label;
  }

  /** Submitted, on time or late: its content counts in the consolidation. */
  public boolean isSubmitted() {
    return this == SUBMITTED || this == LATE;
  }
}
