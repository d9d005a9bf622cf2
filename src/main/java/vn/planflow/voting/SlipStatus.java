package vn.planflow.voting;

/** Where a vote slip stands, as the record, the dashboard and the API show it. */
public enum SlipStatus {
  /** Returned with the member's vote. */
  RETURNED("Đã gửi phiếu"),
  /** Voting still open: the member may still return it. */
  AWAITED("Chưa gửi phiếu"),
  /** Not returned by the deadline. */
  NOT_RETURNED("Không gửi phiếu"),
  /** Not returned by the deadline, counted as agreement by the committee's working rules. */
  NOT_RETURNED_DEEMED_AGREE("Không gửi phiếu (coi như đồng ý)"),
  /** Not returned because voting closed early once the outcome could no longer change. */
  CLOSED_EARLY("Chưa gửi phiếu — đã kết thúc sớm");

  private final String label;

  SlipStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
