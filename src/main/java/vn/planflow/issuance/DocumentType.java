package vn.planflow.issuance;

/** Abbreviations of document types (Nghị định 30/2020, Phụ lục III). */
public enum DocumentType {
  /** Kế hoạch. */
  KH("KH", "Kế hoạch"),
  /** Tờ trình. */
  TTR("TTr", "Tờ trình"),
  /** Báo cáo. */
  BC("BC", "Báo cáo");

  private final String abbreviation;
  private final String label;

  DocumentType(String abbreviation, String label) {
    this.abbreviation = abbreviation;
    this.label = label;
  }

  public String abbreviation() {
    return abbreviation;
  }

  public String label() {
    return label;
  }
}
