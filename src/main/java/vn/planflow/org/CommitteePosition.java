package vn.planflow.org;

/** Position in a People's Committee; every position is on the vote-slip roster. */
public enum CommitteePosition {
  /** Chủ tịch. */
  CHAIR,
  /** Phó Chủ tịch. */
  VICE_CHAIR,
  /** Ủy viên. */
  MEMBER
}
