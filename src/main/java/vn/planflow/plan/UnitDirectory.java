package vn.planflow.plan;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;

/**
 * Finds units by code or, as officials write them in spreadsheets, by exact name. Names repeat
 * across provinces ("Sở Công Thương"), so a name is looked up under the plan's issuer first.
 */
@Component
class UnitDirectory {

  private final OrgUnitRepository units;

  UnitDirectory(OrgUnitRepository units) {
    this.units = units;
  }

  Optional<OrgUnit> byCode(String code) {
    return code == null ? Optional.empty() : units.findById(code);
  }

  /** The unit a cell names, by code or by name; empty when nothing (or more than one) matches. */
  Optional<OrgUnit> resolve(String codeOrName, String issuer) {
    return names().resolve(codeOrName, issuer);
  }

  /**
   * A lookup for many cells at once (an appendix of up to 2,000 rows): the units are read once
   * and names matched in memory, instead of reading every unit again for each cell.
   */
  Names names() {
    return new Names();
  }

  final class Names {

    private java.util.Map<String, List<OrgUnit>> byName;

    Optional<OrgUnit> resolve(String codeOrName, String issuer) {
      if (codeOrName == null || codeOrName.isBlank()) {
        return Optional.empty();
      }
      String text = codeOrName.trim();
      Optional<OrgUnit> byCode = text.length() > 64 ? Optional.empty() : units.findById(text);
      if (byCode.isPresent()) {
        return byCode;
      }
      if (byName == null) {
        byName = new java.util.HashMap<>();
        for (OrgUnit unit : units.findAllByOrderByCodeAsc()) {
          byName.computeIfAbsent(key(unit.getName()), k -> new java.util.ArrayList<>()).add(unit);
        }
      }
      // equalsIgnoreCase: a name matches when every character matches in
      // upper or lower case; the key folds both.
      List<OrgUnit> named = byName.getOrDefault(key(text), List.of()).stream()
          .filter(u -> u.getName().equalsIgnoreCase(text))
          .toList();
      if (named.size() == 1) {
        return Optional.of(named.get(0));
      }
      List<OrgUnit> underIssuer = named.stream().filter(u -> isUnder(u, issuer)).toList();
      return underIssuer.size() == 1 ? Optional.of(underIssuer.get(0)) : Optional.empty();
    }

    private static String key(String name) {
      StringBuilder key = new StringBuilder(name.length());
      for (int i = 0; i < name.length(); i++) {
        key.append(Character.toLowerCase(Character.toUpperCase(name.charAt(i))));
      }
      return key.toString();
    }
  }

  boolean isUnder(OrgUnit unit, String ancestor) {
    OrgUnit current = unit;
    for (int depth = 0; current != null && depth < 20; depth++) {
      if (current.getCode().equals(ancestor)) {
        return true;
      }
      current = current.getParentCode() == null ? null : units.findById(current.getParentCode()).orElse(null);
    }
    return false;
  }
}
