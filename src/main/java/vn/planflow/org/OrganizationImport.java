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

  /**
   * Rules of a People's Committee's working regulation (Quy chế làm việc): how long consultation
   * and vote slips stay open, how silence counts, whether voting closes early, and the working
   * days of each approval step.
   */
  public record Settings(
      Integer voteDays, Integer consultationDays, Boolean deemedAgreeOnTimeout,
      Boolean closeVotingEarly,
      Integer draftingDays, Integer reviewDays, Integer synthesisDays, Integer submissionDays,
      Integer officeReviewDays, Integer signingDays, Integer issuingDays,
      Boolean substituteMayVote) {

    /** No setting given. */
    static Settings none() {
      return new Settings(null, null, null, null, null, null, null, null, null, null, null, null);
    }
  }

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
