package vn.planflow.reporting;

/** Where a reporting period of a plan stands. */
public enum PeriodStatus {
  /** Its opening time has not come. */
  SCHEDULED,
  /** Its due time had passed when the plan took effect: it collects nothing. */
  SKIPPED,
  /** Units are reporting. */
  OPEN,
  /** Collection closed; the lead unit consolidates. */
  CLOSED,
  /** The consolidated report is approved, numbered (BC) and sent. */
  SENT
}
