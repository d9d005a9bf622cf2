package vn.planflow.org;

/**
 * Names of the Camunda groups that mirror the organization. Unit codes never contain '_', so
 * the derived ids cannot collide with a unit's own group.
 *
 * <ul>
 *   <li>{@code hn-sct} — every official of the unit
 *   <li>{@code hn-sct_staff}, {@code _leaders}, {@code _office}, {@code _clerks} — a role in the unit
 *   <li>{@code hn-ubnd_members} — the members of a People's Committee (the vote-slip roster)
 *   <li>{@code planflow_officials} — every official (Tasklist access, reading the directory)
 * </ul>
 */
public final class OrgGroups {

  public static final String OFFICIALS = "planflow_officials";
  public static final String ADMINS = "camunda-admin";

  private OrgGroups() {}

  public static String unit(String unitCode) {
    return unitCode;
  }

  public static String role(String unitCode, UnitRole role) {
    return unitCode + "_" + role.groupSuffix();
  }

  public static String committee(String unitCode) {
    return unitCode + "_members";
  }

  /** Every group id a unit code gives: its own, one per role and its committee's. */
  public static java.util.List<String> derivedFrom(String unitCode) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    ids.add(unit(unitCode));
    for (UnitRole role : UnitRole.values()) {
      ids.add(role(unitCode, role));
    }
    ids.add(committee(unitCode));
    return ids;
  }

  /**
   * The unit a group derived by this class belongs to ({@code hn-sct_staff} → {@code hn-sct}), or
   * null for a group this class does not derive (e.g. one an administrator made by hand).
   */
  public static String unitOf(String groupId) {
    if (groupId == null || OFFICIALS.equals(groupId) || ADMINS.equals(groupId)) {
      return null;
    }
    int separator = groupId.indexOf('_');
    if (separator < 0) {
      return groupId;
    }
    String suffix = groupId.substring(separator + 1);
    boolean derived = "members".equals(suffix);
    for (UnitRole role : UnitRole.values()) {
      derived |= role.groupSuffix().equals(suffix);
    }
    return derived ? groupId.substring(0, separator) : null;
  }
}
