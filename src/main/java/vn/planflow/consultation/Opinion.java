package vn.planflow.consultation;

/** A consulted unit's answer; silence by the deadline counts as agreement. */
public enum Opinion {
  AGREE("Đồng ý"),
  AGREE_WITH_COMMENTS("Đồng ý, có góp ý"),
  DISAGREE("Không đồng ý"),
  NO_RESPONSE("Không trả lời (coi như đồng ý)");

  private final String label;

  Opinion(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean countsAsAgreement() {
    return this != DISAGREE;
  }
}
