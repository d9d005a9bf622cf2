package vn.planflow.plan;

/** Where a plan stands in its life (CONTRACT §3). */
public enum PlanStatus {
  DRAFTING("Đang soạn thảo"),
  CONSULTING("Đang lấy ý kiến"),
  SYNTHESIZING("Đang tổng hợp ý kiến"),
  SUBMITTED("Đã trình UBND"),
  VOTING("Đang lấy phiếu biểu quyết"),
  IN_MEETING("Đưa ra phiên họp UBND"),
  SIGNING("Chờ ký ban hành"),
  ISSUING("Chờ vào sổ, phát hành"),
  IN_EFFECT("Đang thực hiện"),
  CLOSED("Đã kết thúc");

  private final String label;

  PlanStatus(String label) {
    this.label = label;
  }

  /** Vietnamese name of the status, as officials read it. */
  public String label() {
    return label;
  }
}
