package vn.planflow.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;
import vn.planflow.issuance.DocumentType;
import vn.planflow.issuance.Recipients;
import vn.planflow.org.OrgUnit;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanSection;
import vn.planflow.plan.PlanTarget;
import vn.planflow.plan.PlanTask;
import vn.planflow.plan.SignatureBlock;

/**
 * The Kế hoạch as a {@code .docx}: header block, number, place and date, "KẾ HOẠCH" and its
 * subject, the legal bases, the numbered parts (objectives and targets, the plan's own sections,
 * budget, organization of implementation, reporting regime), the signature block, "Nơi nhận" and
 * the landscape "PHỤ LỤC" with every appendix task. Parts the drafter did not write are composed
 * from the plan's data: the organization of implementation from who leads and who coordinates
 * which task, the reporting regime from the plan's deadlines. Until the plan is issued, the
 * document says "DỰ THẢO" and has no number and no date.
 */
@Component
class PlanDocument {

  static final String TITLE = "KẾ HOẠCH";
  static final String APPENDIX = "PHỤ LỤC";
  static final String DRAFT = "DỰ THẢO";
  /**
   * The appendix's columns as the seed plans have them: TT, Nhiệm vụ, Đơn vị chủ trì, Đơn vị phối
   * hợp, Sản phẩm and Thời gian thực hiện always; Nội dung, Mục tiêu (Hà Nội's plan has both)
   * and Kinh phí where some task fills them.
   */
  static final List<String> APPENDIX_COLUMNS = List.of("TT", "Nhiệm vụ", "Nội dung", "Mục tiêu",
      "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian thực hiện", "Kinh phí");
  private static final Set<Integer> ALWAYS_PRINTED = Set.of(0, 1, 4, 5, 6, 7);
  /** Relative widths of the columns, in the order of {@link #APPENDIX_COLUMNS}; the printed ones share the page. */
  private static final int[] APPENDIX_WIDTHS = {40, 130, 210, 175, 95, 120, 80, 80, 70};

  private static final int OBJECTIVES = 1;
  private static final int CONTENT = 2;
  private static final int BUDGET = 3;
  private static final int ORGANIZATION = 4;
  private static final int REPORTING = 5;

  private final IssuingBodies bodies;
  private final Clock clock;

  PlanDocument(IssuingBodies bodies, Clock clock) {
    this.bodies = bodies;
    this.clock = clock;
  }

  /** A numbered part of the plan: its place among the parts, heading without numeral, content. */
  private record Part(int order, String heading, Consumer<OfficialDocx> content) {}

  byte[] render(Plan plan) {
    OrgUnit issuer = bodies.find(plan.getIssuer()).orElseThrow();
    boolean issued = plan.getNumber() != null;
    OfficialDocx docx = new OfficialDocx();
    if (!issued) {
      docx.draftMark(DRAFT);
    }
    docx.header(bodies.lines(issuer),
        DocumentTexts.numberLine(plan.getNumber(), DocumentType.KH.abbreviation(), issuer.getSymbol()),
        DocumentTexts.placeDate(bodies.place(issuer), plan.getIssuedOn(), LocalDate.now(clock).getYear()));
    docx.centred(TITLE, OfficialDocx.BODY_SIZE, true, false);
    docx.centred(DocumentTexts.subject(plan.getTitle(), "Kế hoạch"), OfficialDocx.BODY_SIZE, true, false);
    docx.subjectRule();
    docx.blank();

    docx.body(preamble(plan, issuer));
    List<Part> parts = parts(plan, issuer);
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      docx.heading(DocumentTexts.roman(i + 1) + ". " + part.heading());
      part.content().accept(docx);
    }
    docx.close(bodies.shortName(issuer) + " yêu cầu các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện"
        + " Kế hoạch này./.");
    docx.signatureAndRecipients(DocumentTexts.recipients(plan.getRecipients(), archive(plan)),
        authority(plan, issuer), plan.getSignerName());

    if (!plan.getTasks().isEmpty()) {
      docx.startLandscapeSection();
      appendix(docx, plan, issuer);
    }
    return docx.toBytes();
  }

  /**
   * "Thực hiện: …; …. Xét đề nghị của … tại Tờ trình số … ngày … và ý kiến thống nhất của các
   * Thành viên UBND … (bằng Phiếu biểu quyết), UBND … ban hành Kế hoạch … với các nội dung như sau:"
   * — the vote-slip words only where the plan passed by vote slips.
   */
  private String preamble(Plan plan, OrgUnit issuer) {
    StringBuilder text = new StringBuilder();
    List<String> bases = plan.getLegalBases().stream()
        .map(String::strip)
        .filter(b -> !b.isEmpty())
        .map(b -> b.replaceAll("[.;,]+$", ""))
        .toList();
    if (bases.size() == 1) {
      text.append("Thực hiện ").append(bases.get(0)).append(". ");
    } else if (!bases.isEmpty()) {
      text.append("Thực hiện: ").append(String.join("; ", bases)).append(". ");
    }
    String title = plan.getTitle().strip();
    String issuerName = bodies.shortName(issuer);
    boolean submitted = plan.getSubmissionNumber() != null && !plan.getLeadUnit().equals(plan.getIssuer());
    String agreed = PlanApproval.VOTE_PASSED.equals(plan.getVoteResult())
        ? "ý kiến thống nhất của các Thành viên " + issuerName + " (bằng Phiếu biểu quyết)"
        : null;
    if (submitted) {
      text.append("Xét đề nghị của ").append(bodies.name(plan.getLeadUnit()))
          .append(" tại Tờ trình số ").append(plan.getSubmissionNumber());
      if (plan.getSubmittedOn() != null) {
        text.append(" ngày ").append(DocumentTexts.shortDate(plan.getSubmittedOn()));
      }
      if (agreed != null) {
        text.append(" và ").append(agreed);
      }
      text.append(", ").append(issuerName);
    } else if (agreed != null) {
      text.append("Căn cứ ").append(agreed).append(", ").append(issuerName);
    } else {
      text.append(Character.toUpperCase(issuerName.charAt(0))).append(issuerName.substring(1));
    }
    text.append(" ban hành ").append(title).append(" với các nội dung như sau:");
    return text.toString();
  }

  /** The numbered parts in their usual order; what the drafter wrote keeps its own words. */
  private List<Part> parts(Plan plan, OrgUnit issuer) {
    List<Part> parts = new ArrayList<>();
    boolean hasObjectives = plan.getSections().stream().anyMatch(s -> upper(s.getHeading()).contains("MỤC TIÊU"));
    if (!hasObjectives && (!blank(plan.getObjectives()) || !plan.getTargets().isEmpty())) {
      parts.add(new Part(OBJECTIVES, "MỤC TIÊU, YÊU CẦU", docx -> objectives(docx, plan)));
    }
    for (PlanSection section : plan.getSections()) {
      int numeral = DocumentTexts.leadingRoman(section.getHeading());
      boolean objectivesPart = upper(section.getHeading()).contains("MỤC TIÊU");
      parts.add(new Part(numeral > 0 ? numeral : objectivesPart ? OBJECTIVES : CONTENT,
          DocumentTexts.withoutNumeral(section.getHeading()),
          docx -> {
            text(docx, section.getBody());
            if (objectivesPart) {
              objectives(docx, plan);
            }
          }));
    }
    boolean hasBudget = plan.getSections().stream().anyMatch(s -> upper(s.getHeading()).contains("KINH PHÍ"));
    if (!hasBudget && !blank(plan.getBudget())) {
      parts.add(new Part(BUDGET, "KINH PHÍ THỰC HIỆN", docx -> text(docx, plan.getBudget())));
    }
    boolean hasOrganization = plan.getSections().stream()
        .anyMatch(s -> upper(s.getHeading()).contains("TỔ CHỨC THỰC HIỆN"));
    if (!hasOrganization) {
      parts.add(new Part(ORGANIZATION, "TỔ CHỨC THỰC HIỆN", docx -> organization(docx, plan, issuer)));
    }
    // A plan that states its reporting regime anywhere (Hà Nội's does, in part IV) gets no second one.
    boolean hasReporting = plan.getSections().stream().anyMatch(s -> upper(s.getHeading()).contains("BÁO CÁO")
        || upper(s.getBody()).contains("CHẾ ĐỘ BÁO CÁO"));
    if (!hasReporting) {
      parts.add(new Part(REPORTING, "CHẾ ĐỘ BÁO CÁO", docx -> docx.body(reportingRegime(plan, issuer))));
    }
    parts.sort(Comparator.comparingInt(Part::order));
    return parts;
  }

  private void objectives(OfficialDocx docx, Plan plan) {
    text(docx, plan.getObjectives());
    List<PlanTarget> targets = plan.getTargets();
    if (targets.isEmpty()) {
      return;
    }
    // The drafter's outline numbers ("4.1" under "4.") are part of the text; codes that only
    // identify a target ("T1", "CT-02") are not printed: such targets are listed with dashes.
    String group = commonPrefix(targets);
    docx.body((group == null ? "" : group + ". ") + "Phấn đấu đến hết năm " + plan.getPeriodEnd().getYear()
        + " đạt các chỉ tiêu:");
    for (PlanTarget target : targets) {
      String code = target.getCode().strip();
      docx.body((group == null ? "-" : code.endsWith(".") ? code : code + ".") + " " + asSentence(target.getText()));
    }
  }

  /** A target as a sentence: capital first letter, a full stop at the end. */
  static String asSentence(String text) {
    String stripped = text == null ? "" : text.strip().replaceAll("[;,:\\s]+$", "");
    if (stripped.isEmpty()) {
      return stripped;
    }
    String capital = Character.toUpperCase(stripped.charAt(0)) + stripped.substring(1);
    return capital.endsWith(".") || capital.endsWith("!") || capital.endsWith("?") ? capital : capital + ".";
  }

  /** "4" when every target is numbered "4.x" (an outline number under part 4), else null. */
  private static String commonPrefix(List<PlanTarget> targets) {
    String prefix = null;
    for (PlanTarget target : targets) {
      String code = target.getCode().strip();
      int dot = code.indexOf('.');
      if (dot <= 0 || !DocumentTexts.isOutlineNumber(code)) {
        return null;
      }
      String head = code.substring(0, dot);
      if (prefix != null && !prefix.equals(head)) {
        return null;
      }
      prefix = head;
    }
    return prefix;
  }

  /** The drafter's text, one paragraph per line; numbered sub-headings in bold. */
  private static void text(OfficialDocx docx, String body) {
    for (String line : DocumentTexts.lines(body)) {
      if (DocumentTexts.isSubheading(line)) {
        docx.heading(line.strip());
      } else {
        docx.body(line.strip());
      }
    }
  }

  /**
   * Per unit, from the appendix: the lead unit first (it coordinates the whole plan and reports),
   * then each unit that leads tasks, then each unit that only coordinates.
   */
  private void organization(OfficialDocx docx, Plan plan, OrgUnit issuer) {
    Map<String, List<PlanTask>> leads = new LinkedHashMap<>();
    Map<String, List<PlanTask>> coordinates = new LinkedHashMap<>();
    leads.put(plan.getLeadUnit(), new ArrayList<>());
    for (PlanTask task : plan.getTasks()) {
      leads.computeIfAbsent(task.getLeadUnit(), u -> new ArrayList<>()).add(task);
    }
    for (PlanTask task : plan.getTasks()) {
      for (String entry : task.getCoordinatingUnits()) {
        if (bodies.find(entry).isPresent()) {
          coordinates.computeIfAbsent(entry, u -> new ArrayList<>()).add(task);
        }
      }
    }
    Set<String> units = new LinkedHashSet<>(leads.keySet());
    units.addAll(coordinates.keySet());
    String issuerName = bodies.shortName(issuer);
    int n = 0;
    for (String unit : units) {
      n++;
      boolean lead = unit.equals(plan.getLeadUnit());
      docx.heading(n + ". " + bodies.name(unit) + (lead ? " (cơ quan chủ trì)" : ""));
      if (lead) {
        docx.body("- Chủ trì, phối hợp với các cơ quan, đơn vị liên quan triển khai thực hiện Kế hoạch; theo dõi, "
            + "đôn đốc, kiểm tra; tổng hợp kết quả thực hiện, báo cáo " + issuerName + " theo quy định.");
      }
      for (PlanTask task : leads.getOrDefault(unit, List.of())) {
        docx.body("- Chủ trì thực hiện nhiệm vụ " + task.getNo() + " tại Phụ lục: " + sentence(task.getName())
            + (blank(task.getTimeframe()) ? "" : " Thời gian thực hiện: " + task.getTimeframe().strip() + "."));
      }
      List<PlanTask> coordinated = coordinates.getOrDefault(unit, List.of());
      if (!coordinated.isEmpty()) {
        docx.body("- Phối hợp thực hiện " + (coordinated.size() == 1 ? "nhiệm vụ " : "các nhiệm vụ ")
            + String.join(", ", coordinated.stream().map(PlanTask::getNo).toList()) + " tại Phụ lục.");
      }
    }
  }

  private static String sentence(String text) {
    String stripped = text == null ? "" : text.strip();
    return stripped.endsWith(".") ? stripped : stripped + ".";
  }

  /** "… báo cáo UBND phường Yên Hòa (qua Phòng …) kết quả thực hiện 06 tháng, hằng năm (trước ngày 15/6 và 15/12) …" */
  String reportingRegime(Plan plan, OrgUnit issuer) {
    List<String> deadlines = plan.getReportingDeadlines();
    String frequency = switch (deadlines.size()) {
      case 1 -> "hằng năm";
      case 2 -> "06 tháng, hằng năm";
      case 4 -> "hằng quý";
      default -> "định kỳ";
    };
    String by = deadlines.isEmpty() ? ""
        : " (trước ngày " + String.join(" và ", deadlines.stream().map(DocumentTexts::dayMonth).toList()) + ")";
    String reportTo = plan.getReportTo() == null || plan.getReportTo().equals(plan.getIssuer())
        ? ""
        : " (qua " + bodies.name(plan.getReportTo()) + ")";
    return "Các cơ quan, đơn vị được giao nhiệm vụ tại Kế hoạch này tổ chức triển khai thực hiện, báo cáo "
        + bodies.shortName(issuer) + reportTo + " kết quả thực hiện " + frequency + by
        + " hoặc đột xuất khi có yêu cầu.";
  }

  /** Where the plan's Nơi nhận names no "Lưu:": the clerk's copy and the drafting unit's. */
  private String archive(Plan plan) {
    return Recipients.defaultArchive(bodies.find(plan.getLeadUnit()).map(OrgUnit::getSymbol).orElse(null));
  }

  /** Art. 13: the chair signs for the committee, a vice chair on the chair's behalf. */
  private List<String> authority(Plan plan, OrgUnit issuer) {
    if (issuer.isPeoplesCommittee()) {
      if (plan.getSignerPosition() == null) {
        return List.of("TM. ỦY BAN NHÂN DÂN");
      }
      List<String> block = SignatureBlock.of(plan.getSignerPosition(), plan.getSignerName());
      return block.subList(0, block.size() - 1);
    }
    return List.of(bodies.headTitle(issuer));
  }

  private void appendix(OfficialDocx docx, Plan plan, OrgUnit issuer) {
    docx.header(bodies.lines(issuer), null, null);
    docx.centred(APPENDIX, OfficialDocx.BODY_SIZE, true, false);
    docx.centred("Danh mục các nhiệm vụ thuộc " + plan.getTitle().strip(), OfficialDocx.BODY_SIZE,
        true, false);
    docx.centred(plan.getNumber() == null
        ? "(Kèm theo dự thảo Kế hoạch của " + bodies.shortName(issuer) + ")"
        : "(Kèm theo Kế hoạch số " + plan.getNumber() + " ngày " + DocumentTexts.shortDate(plan.getIssuedOn())
            + " của " + bodies.shortName(issuer) + ")",
        OfficialDocx.BODY_SIZE, false, true);
    docx.blank();

    List<List<String>> values = plan.getTasks().stream().map(this::appendixRow).toList();
    List<Integer> columns = appendixColumns(values);
    int shares = columns.stream().mapToInt(i -> APPENDIX_WIDTHS[i]).sum();
    int[] widths = columns.stream().mapToInt(i -> OfficialDocx.LANDSCAPE_WIDTH * APPENDIX_WIDTHS[i] / shares).toArray();
    XWPFTable table = docx.table(1, widths);
    XWPFTableRow header = table.getRow(0);
    header.setRepeatHeader(true);
    for (int c = 0; c < columns.size(); c++) {
      cell(header.getCell(c), APPENDIX_COLUMNS.get(columns.get(c)), true, ParagraphAlignment.CENTER);
      header.getCell(c).setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
    }
    String group = null;
    int groups = 0;
    for (int t = 0; t < values.size(); t++) {
      PlanTask task = plan.getTasks().get(t);
      if (!blank(task.getGroup()) && !task.getGroup().equals(group)) {
        group = task.getGroup();
        groups++;
        XWPFTableRow row = table.createRow();
        cell(row.getCell(0), DocumentTexts.roman(groups), true, ParagraphAlignment.CENTER);
        cell(row.getCell(1), group, true, ParagraphAlignment.LEFT);
        span(row, widths);
      }
      XWPFTableRow row = table.createRow();
      for (int c = 0; c < columns.size(); c++) {
        cell(row.getCell(c), values.get(t).get(columns.get(c)), false,
            c == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
      }
    }
  }

  /** A task's cells in the order of {@link #APPENDIX_COLUMNS}, exactly as the plan holds them. */
  private List<String> appendixRow(PlanTask task) {
    return List.of(task.getNo(), text(task.getName()), text(task.getContent()), text(task.getTarget()),
        bodies.name(task.getLeadUnit()),
        String.join("; ", task.getCoordinatingUnits().stream().map(bodies::name).toList()),
        text(task.getProduct()), text(task.getTimeframe()), text(task.getBudgetSource()));
  }

  /**
   * The columns to print: the seed's six always; Nội dung, Mục tiêu and Kinh phí when some task
   * fills them (a column empty from top to bottom only narrows the ones that say something).
   */
  static List<Integer> appendixColumns(List<List<String>> rows) {
    List<Integer> columns = new ArrayList<>();
    for (int i = 0; i < APPENDIX_COLUMNS.size(); i++) {
      int column = i;
      if (ALWAYS_PRINTED.contains(i) || rows.stream().anyMatch(row -> !row.get(column).isBlank())) {
        columns.add(i);
      }
    }
    return columns;
  }

  /** The group's name across every column after TT. */
  private static void span(XWPFTableRow row, int[] widths) {
    XWPFTableCell wide = row.getCell(1);
    int width = 0;
    for (int i = 1; i < widths.length; i++) {
      width += widths[i];
    }
    while (row.getTableCells().size() > 2) {
      row.removeCell(2);
    }
    var properties = wide.getCTTc().isSetTcPr() ? wide.getCTTc().getTcPr() : wide.getCTTc().addNewTcPr();
    (properties.isSetGridSpan() ? properties.getGridSpan() : properties.addNewGridSpan())
        .setVal(java.math.BigInteger.valueOf(widths.length - 1));
    OfficialDocx.cellWidth(wide, width);
  }

  private static void cell(XWPFTableCell cell, String text, boolean bold, ParagraphAlignment alignment) {
    OfficialDocx.cellText(cell, text, OfficialDocx.HEADER_SIZE, bold, alignment);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String upper(String text) {
    return text == null ? "" : text.toUpperCase(Locale.forLanguageTag("vi-VN"));
  }
}
