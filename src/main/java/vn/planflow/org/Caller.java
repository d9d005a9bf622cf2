package vn.planflow.org;

/**
 * Who is asking: an official of the organization (with their unit, roles and committee seat), an
 * administrator (group {@code camunda-admin}), both, or neither (an account made by hand in Admin).
 */
public record Caller(String id, Official official, boolean administrator) {

  public boolean isOfficial() {
    return official != null;
  }

  /** Works in this unit, whatever their role. */
  public boolean isIn(String unitCode) {
    return official != null && official.getUnitCode().equals(unitCode);
  }

  /** Works in this unit with this role. */
  public boolean hasRole(String unitCode, UnitRole role) {
    return isIn(unitCode) && official.hasRole(role);
  }

  /** Sits on this People's Committee (chair, vice chair or member): gets its vote slips. */
  public boolean sitsOn(String committeeUnitCode) {
    return official != null && committeeUnitCode.equals(official.getCommitteeOf());
  }

  public boolean isLeader() {
    return official != null && official.hasRole(UnitRole.LEADER);
  }
}
