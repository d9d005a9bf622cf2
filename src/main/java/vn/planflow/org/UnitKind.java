package vn.planflow.org;

/** What kind of body a unit is. */
public enum UnitKind {
  /** Ủy ban nhân dân of a province, city, ward or commune: issues plans, has a committee. */
  PEOPLES_COMMITTEE,
  /** Sở, phòng, ban. */
  DEPARTMENT,
  /** Press, cooperatives, associations. */
  OTHER
}
