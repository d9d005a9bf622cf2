package vn.planflow.org;

import java.util.List;

/**
 * Body of {@code POST /api/org} (CONTRACT §2). Unknown fields are rejected by Jackson, so every
 * field here is one the contract names.
 */
public record OrganizationImport(List<UnitData> units, List<OfficialData> officials) {

  public List<UnitData> unitsOrEmpty() {
    return units == null ? List.of() : units;
  }

  public List<OfficialData> officialsOrEmpty() {
    return officials == null ? List.of() : officials;
  }

  /** A unit; {@code symbol}, {@code place} and {@code settings} are optional. */
  public record UnitData(
      String code,
      String name,
      UnitKind kind,
      String symbol,
      String place,
      String parent,
      Settings settings) {}

  /** Rules of a People's Committee's working regulation (Quy chế làm việc). */
  public record Settings(
      Integer voteDays, Integer consultationDays, Boolean deemedAgreeOnTimeout,
      Boolean substituteMayVote) {}

  /** An official; {@code password} sets or replaces the login password when given. */
  public record OfficialData(
      String id,
      String name,
      String email,
      String unit,
      List<UnitRole> roles,
      Committee committee,
      String password) {

    public List<UnitRole> rolesOrEmpty() {
      return roles == null ? List.of() : roles;
    }

    OfficialData withPassword(String newPassword) {
      return new OfficialData(id, name, email, unit, roles, committee, newPassword);
    }

    @Override
    public String toString() {
      return "OfficialData[id=" + id + ", unit=" + unit + ", roles=" + roles + "]";
    }
  }

  /** Membership of a People's Committee. */
  public record Committee(String of, CommitteePosition position) {}
}
