package vn.planflow.voting;

/** What a committee member marks on the vote slip. */
public enum Vote {
  AGREE("Đồng ý"),
  DISAGREE("Không đồng ý"),
  OTHER("Ý kiến khác");

  private final String label;

  Vote(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
