package vn.planflow.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.planflow.org.Official;
import vn.planflow.org.OfficialRepository;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;
import vn.planflow.org.UnitRole;

/**
 * What the official who starts a plan in Tasklist may pick on the start form: the People's
 * Committee(s) they belong to as issuer, and as lead unit the unit they draft for (STAFF or LEADER
 * of it, as {@link PlanService#requireDrafter} requires). Both by name; the values are codes.
 */
@Component
class PlanStartOptions {

  static final String ISSUER_OPTIONS = "issuerOptions";
  static final String LEAD_UNIT_OPTIONS = "leadUnitOptions";

  private final OfficialRepository officials;
  private final OrgUnitRepository units;

  PlanStartOptions(OfficialRepository officials, OrgUnitRepository units) {
    this.officials = officials;
    this.units = units;
  }

  record Option(String label, String value) {}

  @Transactional(readOnly = true)
  public Map<String, List<Option>> forOfficial(String userId) {
    Map<String, List<Option>> options = new LinkedHashMap<>();
    options.put(ISSUER_OPTIONS, issuers(userId).stream().map(u -> new Option(u.getName(), u.getCode())).toList());
    options.put(LEAD_UNIT_OPTIONS, leadUnits(userId).stream().map(u -> new Option(u.getName(), u.getCode())).toList());
    return options;
  }

  /** The People's Committee above (or of) the official's unit, then the one whose committee they sit on. */
  List<OrgUnit> issuers(String userId) {
    Official official = userId == null ? null : officials.findById(userId).orElse(null);
    List<OrgUnit> result = new ArrayList<>();
    if (official == null) {
      return result;
    }
    issuerOf(official.getUnitCode()).ifPresent(result::add);
    if (official.getCommitteeOf() != null && result.stream().noneMatch(u -> u.getCode().equals(official.getCommitteeOf()))) {
      units.findById(official.getCommitteeOf()).ifPresent(result::add);
    }
    return result;
  }

  /** The People's Committee a unit belongs to (itself for a committee): a ward's, not the city above it. */
  java.util.Optional<OrgUnit> issuerOf(String unitCode) {
    OrgUnit current = unitCode == null ? null : units.findById(unitCode).orElse(null);
    for (int depth = 0; current != null && depth < 20; depth++) {
      if (current.isPeoplesCommittee()) {
        return java.util.Optional.of(current);
      }
      current = current.getParentCode() == null ? null : units.findById(current.getParentCode()).orElse(null);
    }
    return java.util.Optional.empty();
  }

  /** The unit the official drafts plans for: their own, when they are its STAFF or LEADER. */
  List<OrgUnit> leadUnits(String userId) {
    Official official = userId == null ? null : officials.findById(userId).orElse(null);
    if (official == null || !(official.hasRole(UnitRole.STAFF) || official.hasRole(UnitRole.LEADER))) {
      return List.of();
    }
    return units.findById(official.getUnitCode()).map(List::of).orElse(List.of());
  }
}
