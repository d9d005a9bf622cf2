package vn.planflow.documents;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.planflow.documents.OfficialDocx.Line;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;

/**
 * How a unit appears on the documents it issues (Nghị định 30/2020, Phụ lục I): its name in
 * capitals under the name of the body it belongs to, its short name in running text ("UBND
 * thành phố Hà Nội"), the place in the date line, and the title its head signs with.
 */
@Component
class IssuingBodies {

  static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
  private static final String PEOPLES_COMMITTEE = "Ủy ban nhân dân";

  private final OrgUnitRepository units;

  IssuingBodies(OrgUnitRepository units) {
    this.units = units;
  }

  Optional<OrgUnit> find(String code) {
    return code == null ? Optional.empty() : units.findById(code);
  }

  /** The unit's name, or the text itself for an entry that names no imported unit. */
  String name(String codeOrText) {
    return find(codeOrText).map(OrgUnit::getName).orElse(codeOrText);
  }

  /**
   * The issuing-body lines: a People's Committee is "ỦY BAN NHÂN DÂN" over its locality, both in
   * bold; a department is its committee's short name (not bold) over its own name in bold.
   */
  List<Line> lines(OrgUnit unit) {
    List<Line> lines = new ArrayList<>();
    String name = nfc(unit.getName()).strip();
    if (startsWithIgnoreCase(name, PEOPLES_COMMITTEE)) {
      lines.add(Line.bold(upper(PEOPLES_COMMITTEE)));
      String locality = name.substring(PEOPLES_COMMITTEE.length()).strip();
      if (!locality.isEmpty()) {
        lines.add(Line.bold(upper(locality)));
      }
      return lines;
    }
    find(unit.getParentCode()).ifPresent(parent -> lines.add(Line.plain(upper(shortName(parent)))));
    lines.add(Line.bold(upper(name)));
    return lines;
  }

  /** "UBND thành phố Hà Nội" for "Ủy ban nhân dân thành phố Hà Nội"; other names as they are. */
  String shortName(OrgUnit unit) {
    String name = nfc(unit.getName()).strip();
    return startsWithIgnoreCase(name, PEOPLES_COMMITTEE)
        ? "UBND " + name.substring(PEOPLES_COMMITTEE.length()).strip()
        : name;
  }

  /** The unit's place, or the nearest place above it ("Hà Nội" for Sở Công Thương). */
  String place(OrgUnit unit) {
    OrgUnit current = unit;
    for (int depth = 0; current != null && depth < 20; depth++) {
      if (current.getPlace() != null && !current.getPlace().isBlank()) {
        return current.getPlace().strip();
      }
      current = find(current.getParentCode()).orElse(null);
    }
    return "";
  }

  /** The title the head of a unit signs with; the organization does not record deputies' titles. */
  String headTitle(OrgUnit unit) {
    String name = nfc(unit.getName()).strip();
    if (startsWithIgnoreCase(name, PEOPLES_COMMITTEE)) {
      return "CHỦ TỊCH";
    }
    if (startsWithIgnoreCase(name, "Sở ")) {
      return "GIÁM ĐỐC";
    }
    if (startsWithIgnoreCase(name, "Phòng ")) {
      return "TRƯỞNG PHÒNG";
    }
    if (startsWithIgnoreCase(name, "Ban ")) {
      return "TRƯỞNG BAN";
    }
    if (startsWithIgnoreCase(name, "Văn phòng ")) {
      return "CHÁNH VĂN PHÒNG";
    }
    return "THỦ TRƯỞNG ĐƠN VỊ";
  }

  static String upper(String text) {
    return nfc(text).toUpperCase(VIETNAMESE);
  }

  static String nfc(String text) {
    return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /** Compares as officials type it: "Uỷ" and "Ủy" are the same word. */
  private static boolean startsWithIgnoreCase(String text, String prefix) {
    if (text.length() < prefix.length()) {
      return false;
    }
    return comparable(text.substring(0, prefix.length())).equals(comparable(prefix));
  }

  private static String comparable(String text) {
    return nfc(text).toLowerCase(VIETNAMESE).replace("uỷ", "ủy");
  }
}
