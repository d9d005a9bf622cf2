package vn.planflow.org;

/** An official's role within their own unit; each role is a Camunda group {@code <unit>_<suffix>}. */
public enum UnitRole {
  /** Chuyên viên. */
  STAFF("staff", "Chuyên viên"),
  /** Lãnh đạo đơn vị. */
  LEADER("leaders", "Lãnh đạo"),
  /** Văn phòng UBND. */
  OFFICE("office", "Văn phòng"),
  /** Văn thư. */
  CLERK("clerks", "Văn thư");

  private final String groupSuffix;
  private final String label;

  UnitRole(String groupSuffix, String label) {
    this.groupSuffix = groupSuffix;
    this.label = label;
  }

  public String groupSuffix() {
    return groupSuffix;
  }

  /** Vietnamese name of the role, as officials read it. */
  public String label() {
    return label;
  }
}
