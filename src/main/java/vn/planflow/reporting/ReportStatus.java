package vn.planflow.reporting;

/** Where a unit's report of a period stands (CONTRACT §5). */
public enum ReportStatus {
  /** Asked, not yet submitted (a draft may be saved). */
  PENDING,
  /** Submitted by the due time. */
  SUBMITTED,
  /** Submitted after the due time, before collection closed. */
  LATE,
  /** Not submitted when collection closed. */
  MISSING
}
