package vn.planflow.org;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import vn.planflow.org.OrganizationImport.OfficialData;
import vn.planflow.org.OrganizationImport.Settings;
import vn.planflow.org.OrganizationImport.UnitData;
import vn.planflow.system.FieldProblem;
import vn.planflow.system.TextRules;

/**
 * Checks a whole organization import before anything is stored, so that a bad request stores
 * nothing. Every problem is reported with the JSON path of its field.
 */
final class OrganizationValidator {

  /** Codes and ids: lowercase ASCII letters, digits, '.' and '-' (CONTRACT §2). */
  static final Pattern CODE = Pattern.compile("[a-z0-9](?:[a-z0-9.-]{0,62}[a-z0-9])?");

  /**
   * One import can load a whole country: 34 provinces and ~3,300 communes, each with its People's
   * Committee and a handful of offices and departments, and several officials in each.
   */
  static final int MAX_UNITS = 20_000;
  static final int MAX_OFFICIALS = 60_000;

  private static final Pattern SYMBOL = Pattern.compile("[\\p{L}\\p{Nd}]{1,32}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final Function<String, OrgUnit> storedUnit;
  private final Predicate<String> committeeHasMembers;
  private final Predicate<String> foreignAccountExists;
  private final Predicate<String> systemName;
  private final Predicate<String> clashesWithGroup;
  private final List<FieldProblem> problems = new ArrayList<>();

  /**
   * @param storedUnit the unit already stored under a code, or null
   * @param committeeHasMembers whether a stored People's Committee has members
   * @param foreignAccountExists whether an engine account exists under an id that is not an
   *     official's (e.g. {@code admin}): an import must not take it over
   * @param systemName whether a code or id is one of the engine's or planflow's own names
   *     ({@code camunda-admin}, {@code planflow_officials}, the administrator's id)
   * @param clashesWithGroup whether a unit code not yet stored would produce a group the engine
   *     already has (its officials would join a group nobody gave them)
   */
  OrganizationValidator(
      Function<String, OrgUnit> storedUnit,
      Predicate<String> committeeHasMembers,
      Predicate<String> foreignAccountExists,
      Predicate<String> systemName,
      Predicate<String> clashesWithGroup) {
    this.storedUnit = storedUnit;
    this.committeeHasMembers = committeeHasMembers;
    this.foreignAccountExists = foreignAccountExists;
    this.systemName = systemName;
    this.clashesWithGroup = clashesWithGroup;
  }

  List<FieldProblem> validate(OrganizationImport data) {
    if (data == null) {
      problems.add(new FieldProblem("body", "thiếu nội dung yêu cầu"));
      return problems;
    }
    if (!TextRules.count(problems, "units", data.unitsOrEmpty(), MAX_UNITS, "đơn vị")
        | !TextRules.count(problems, "officials", data.officialsOrEmpty(), MAX_OFFICIALS, "cán bộ")) {
      return problems;
    }
    Map<String, UnitData> importedUnits = validateUnits(data.unitsOrEmpty());
    validateOfficials(data.officialsOrEmpty(), importedUnits);
    return problems;
  }

  private Map<String, UnitData> validateUnits(List<UnitData> units) {
    Map<String, UnitData> byCode = new HashMap<>();
    for (int i = 0; i < units.size(); i++) {
      String path = "units[" + i + "]";
      UnitData unit = units.get(i);
      if (unit == null) {
        problem(path, "đơn vị rỗng");
        continue;
      }
      if (checkCode(path + ".code", unit.code(), "mã đơn vị")) {
        if (systemName.test(unit.code())) {
          problem(path + ".code", "mã '" + unit.code() + "' dành cho hệ thống");
        } else if (clashesWithGroup.test(unit.code())) {
          problem(path + ".code", "mã '" + unit.code() + "' trùng với một nhóm đã có trong hệ thống");
        } else if (byCode.putIfAbsent(unit.code(), unit) != null) {
          problem(path + ".code", "mã đơn vị '" + unit.code() + "' xuất hiện hai lần");
        }
      }
      checkText(path + ".name", unit.name(), 300, "tên đơn vị");
      if (unit.kind() == null) {
        problem(path + ".kind", "thiếu loại đơn vị (PEOPLES_COMMITTEE, DEPARTMENT, OTHER)");
      }
      if (unit.symbol() != null && !SYMBOL.matcher(unit.symbol()).matches()) {
        problem(path + ".symbol", "ký hiệu '" + TextRules.quote(unit.symbol()) + "' chỉ gồm chữ và số, tối đa 32 ký tự");
      } else if (unit.symbol() == null && unit.name() != null && !unit.name().isBlank()
          && unit.name().length() <= 300 && unit.kind() != null
          && !SYMBOL.matcher(UnitSymbols.defaultFor(unit.name(), unit.kind())).matches()) {
        // The symbol made from the initials of a long or unusual name would not fit numbers.
        problem(path + ".symbol", "không tự tạo được ký hiệu từ tên đơn vị (chữ cái đầu, tối đa 32 ký tự): hãy ghi ký hiệu");
      }
      if (unit.place() != null && (unit.place().isBlank() || unit.place().length() > 100)) {
        problem(path + ".place", "địa danh không được để trống và tối đa 100 ký tự");
      } else {
        TextRules.optional(problems, path + ".place", unit.place(), 100, "địa danh");
      }
      if (unit.parent() != null && unit.parent().length() > 64) {
        problem(path + ".parent", "mã đơn vị cấp trên dài quá 64 ký tự");
      }
      checkSettings(path + ".settings", unit);
      OrgUnit stored = unit.code() == null ? null : storedUnit.apply(unit.code());
      if (stored != null
          && stored.isPeoplesCommittee()
          && unit.kind() != null
          && unit.kind() != UnitKind.PEOPLES_COMMITTEE
          && committeeHasMembers.test(unit.code())) {
        problem(path + ".kind", "UBND '" + unit.code() + "' còn thành viên, không thể đổi loại");
      }
    }
    for (int i = 0; i < units.size(); i++) {
      UnitData unit = units.get(i);
      if (unit != null && unit.parent() != null && unit.parent().length() <= 64) {
        checkParent("units[" + i + "].parent", unit, byCode);
      }
    }
    return byCode;
  }

  private void checkSettings(String path, UnitData unit) {
    Settings settings = unit.settings();
    if (settings == null) {
      return;
    }
    if (unit.kind() != null && unit.kind() != UnitKind.PEOPLES_COMMITTEE) {
      problem(path, "chỉ UBND (PEOPLES_COMMITTEE) có quy chế biểu quyết và lấy ý kiến");
    }
    if (settings.voteDays() != null && (settings.voteDays() < 1 || settings.voteDays() > 30)) {
      problem(path + ".voteDays", "số ngày làm việc biểu quyết phải từ 1 đến 30");
    }
    if (settings.consultationDays() != null
        && (settings.consultationDays() < 1 || settings.consultationDays() > 60)) {
      problem(path + ".consultationDays", "số ngày làm việc lấy ý kiến phải từ 1 đến 60");
    }
    stepDays(path + ".draftingDays", settings.draftingDays(), "soạn dự thảo");
    stepDays(path + ".reviewDays", settings.reviewDays(), "lãnh đạo đơn vị duyệt dự thảo");
    stepDays(path + ".synthesisDays", settings.synthesisDays(), "tổng hợp, tiếp thu ý kiến");
    stepDays(path + ".submissionDays", settings.submissionDays(), "ký Tờ trình");
    stepDays(path + ".officeReviewDays", settings.officeReviewDays(), "Văn phòng UBND thẩm tra");
    stepDays(path + ".signingDays", settings.signingDays(), "ký ban hành");
    stepDays(path + ".issuingDays", settings.issuingDays(), "vào sổ, phát hành");
  }

  private void stepDays(String path, Integer days, String step) {
    if (days != null && (days < ApprovalDays.MIN || days > ApprovalDays.MAX)) {
      problem(path, "số ngày làm việc cho bước " + step + " phải từ " + ApprovalDays.MIN + " đến "
          + ApprovalDays.MAX);
    }
  }

  private void checkParent(String path, UnitData unit, Map<String, UnitData> imported) {
    String parent = unit.parent();
    if (parent.equals(unit.code())) {
      problem(path, "đơn vị không thể là cấp trên của chính nó");
      return;
    }
    if (!imported.containsKey(parent) && storedUnit.apply(parent) == null) {
      problem(path, "đơn vị cấp trên '" + TextRules.quote(parent) + "' không tồn tại");
      return;
    }
    // Follow the chain of parents as it will be after this import; coming back is a cycle.
    Set<String> seen = new HashSet<>();
    seen.add(unit.code());
    String current = parent;
    while (current != null) {
      if (!seen.add(current)) {
        problem(path, "quan hệ cấp trên tạo thành vòng lặp qua '" + current + "'");
        return;
      }
      UnitData importedParent = imported.get(current);
      OrgUnit storedParent = importedParent == null ? storedUnit.apply(current) : null;
      current =
          importedParent != null
              ? importedParent.parent()
              : storedParent != null ? storedParent.getParentCode() : null;
    }
  }

  private void validateOfficials(List<OfficialData> officials, Map<String, UnitData> units) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < officials.size(); i++) {
      String path = "officials[" + i + "]";
      OfficialData official = officials.get(i);
      if (official == null) {
        problem(path, "cán bộ rỗng");
        continue;
      }
      if (checkCode(path + ".id", official.id(), "tên đăng nhập")) {
        if (systemName.test(official.id())) {
          problem(path + ".id", "tên đăng nhập '" + official.id() + "' dành cho hệ thống");
        } else if (!ids.add(official.id())) {
          problem(path + ".id", "tên đăng nhập '" + official.id() + "' xuất hiện hai lần");
        } else if (foreignAccountExists.test(official.id())) {
          problem(path + ".id", "tên đăng nhập '" + official.id() + "' thuộc một tài khoản hệ thống");
        }
      }
      checkText(path + ".name", official.name(), 200, "họ tên");
      if (official.email() != null
          && (official.email().length() > 200 || !EMAIL.matcher(official.email()).matches())) {
        problem(path + ".email", "địa chỉ thư '" + TextRules.quote(official.email()) + "' không hợp lệ");
      }
      if (official.unit() == null || official.unit().isBlank()) {
        problem(path + ".unit", "thiếu đơn vị công tác");
      } else if (official.unit().length() > 64 || kindOf(official.unit(), units) == null) {
        problem(path + ".unit", "đơn vị '" + TextRules.quote(official.unit()) + "' không tồn tại");
      }
      TextRules.count(problems, path + ".roles", official.roles(), UnitRole.values().length, "vai trò");
      for (int r = 0; r < official.rolesOrEmpty().size(); r++) {
        if (official.rolesOrEmpty().get(r) == null) {
          problem(path + ".roles[" + r + "]", "vai trò rỗng (STAFF, LEADER, OFFICE, CLERK)");
        }
      }
      if (official.committee() != null) {
        String committeePath = path + ".committee";
        String of = official.committee().of();
        if (of == null || of.isBlank()) {
          problem(committeePath + ".of", "thiếu UBND mà cán bộ là thành viên");
        } else if (of.length() > 64 || kindOf(of, units) == null) {
          problem(committeePath + ".of", "đơn vị '" + TextRules.quote(of) + "' không tồn tại");
        } else if (kindOf(of, units) != UnitKind.PEOPLES_COMMITTEE) {
          problem(committeePath + ".of", "'" + of + "' không phải là UBND (PEOPLES_COMMITTEE)");
        }
        if (official.committee().position() == null) {
          problem(committeePath + ".position", "thiếu chức vụ (CHAIR, VICE_CHAIR, MEMBER)");
        }
      }
      if (official.password() != null && official.password().isBlank()) {
        problem(path + ".password", "mật khẩu không được để trống");
      } else {
        TextRules.optional(problems, path + ".password", official.password(), 200, "mật khẩu");
      }
    }
  }

  private UnitKind kindOf(String code, Map<String, UnitData> imported) {
    UnitData unit = imported.get(code);
    if (unit != null) {
      return unit.kind();
    }
    OrgUnit stored = storedUnit.apply(code);
    return stored == null ? null : stored.getKind();
  }

  private boolean checkCode(String path, String value, String what) {
    if (value == null || value.isBlank()) {
      problem(path, "thiếu " + what);
      return false;
    }
    if (!CODE.matcher(value).matches()) {
      problem(
          path,
          what
              + " '"
              + TextRules.quote(value)
              + "' chỉ được gồm chữ thường không dấu, chữ số, '.' và '-' (tối đa 64 ký tự)");
      return false;
    }
    return true;
  }

  private void checkText(String path, String value, int max, String what) {
    TextRules.required(problems, path, value, max, what);
  }

  private void problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
  }
}
