package vn.planflow.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import vn.planflow.OfficialClient;

/**
 * A test province ("tt") imported through {@code POST /api/org} for the reliability battery: a
 * 40-member People's Committee, a lead department, a consulted one and 40 reporting units, each
 * with one specialist. Imported once per Spring context (the import is idempotent anyway).
 */
final class BatteryOrganization {

  static final String PASSWORD = "battery-pass";
  static final String ISSUER = "tt-ubnd";
  static final String LEAD = "tt-sct";
  static final String CONSULTED = "tt-stnmt";
  static final int MEMBERS = 40;
  static final int REPORTING_UNITS = 40;

  private static volatile boolean imported;

  private BatteryOrganization() {}

  static synchronized void ensureImported(OfficialClient admin) {
    if (imported) {
      return;
    }
    List<Map<String, Object>> units = new ArrayList<>();
    units.add(unit(ISSUER, "Ủy ban nhân dân tỉnh Thử Tải", "PEOPLES_COMMITTEE", null));
    units.get(0).put("place", "Thử Tải");
    units.add(unit(LEAD, "Sở Công Thương", "DEPARTMENT", ISSUER));
    units.add(unit(CONSULTED, "Sở Tài nguyên và Môi trường", "DEPARTMENT", ISSUER));
    for (int i = 1; i <= REPORTING_UNITS; i++) {
      units.add(unit(reportingUnit(i), "Ủy ban nhân dân xã Thử Tải số " + i, "PEOPLES_COMMITTEE", ISSUER));
    }
    List<Map<String, Object>> officials = new ArrayList<>();
    officials.add(official("tt.chuyenvien", "Nguyễn Thị Chuyên", LEAD, List.of("STAFF"), null));
    officials.add(official("tt.giamdoc", "Trần Văn Giám", LEAD, List.of("LEADER"), "MEMBER"));
    officials.add(official("tt.stnmt", "Lê Thị Môi", CONSULTED, List.of("STAFF"), null));
    officials.add(official("tt.vanphong", "Phạm Văn Phòng", ISSUER, List.of("OFFICE"), null));
    officials.add(official("tt.vanthu", "Hoàng Thị Thư", ISSUER, List.of("CLERK"), null));
    officials.add(official("tt.chutich", "Đỗ Văn Chủ", ISSUER, List.of(), "CHAIR"));
    officials.add(official("tt.pct1", "Vũ Thị Phó", ISSUER, List.of(), "VICE_CHAIR"));
    for (int i = 4; i <= MEMBERS; i++) { // with the chair, the vice chair and the director: 40
      officials.add(official(member(i), "Thành viên số " + i, ISSUER, List.of(), "MEMBER"));
    }
    for (int i = 1; i <= REPORTING_UNITS; i++) {
      officials.add(official(reporter(i), "Chuyên viên xã số " + i, reportingUnit(i), List.of("STAFF"), null));
    }
    ResponseEntity<String> response = admin.post("/api/org", Map.of("units", units, "officials", officials));
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("import of the battery organization: " + response.getBody());
    }
    imported = true;
  }

  static String reportingUnit(int i) {
    return String.format("tt-xa%02d", i);
  }

  static String reporter(int i) {
    return String.format("tt.xa%02d", i);
  }

  static String member(int i) {
    return String.format("tt.tv%02d", i);
  }

  private static Map<String, Object> unit(String code, String name, String kind, String parent) {
    Map<String, Object> unit = new LinkedHashMap<>();
    unit.put("code", code);
    unit.put("name", name);
    unit.put("kind", kind);
    unit.put("parent", parent);
    return unit;
  }

  private static Map<String, Object> official(String id, String name, String unit, List<String> roles,
      String committeePosition) {
    Map<String, Object> official = new LinkedHashMap<>();
    official.put("id", id);
    official.put("name", name);
    official.put("email", id + "@thutai.example.vn");
    official.put("unit", unit);
    official.put("roles", roles);
    if (committeePosition != null) {
      official.put("committee", Map.of("of", ISSUER, "position", committeePosition));
    }
    official.put("password", PASSWORD);
    return official;
  }
}
