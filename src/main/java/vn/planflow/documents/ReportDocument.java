package vn.planflow.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.planflow.reporting.ReportView;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.stereotype.Component;
import vn.planflow.issuance.DocumentType;
import vn.planflow.org.OrgUnit;
import vn.planflow.plan.Plan;
import vn.planflow.reporting.PeriodConsolidation;

/**
 * The consolidated report of a period ({@code n/BC-<unit>}), signed by the report-to unit, in the
 * usual parts of a báo cáo: results (the consolidated summary, per appendix task, per target, each
 * unit's summary), how the units reported (late and missing ones named), the units' difficulties,
 * their recommendations and the proposals to the superior level, and the child plans' reports. Before it is approved it says "DỰ THẢO".
 */
@Component
class ReportDocument {

  static final String TITLE = "BÁO CÁO";

  private final IssuingBodies bodies;
  private final Clock clock;

  ReportDocument(IssuingBodies bodies, Clock clock) {
    this.bodies = bodies;
    this.clock = clock;
  }

  /** @param signer the name of whoever approved it (from the register), or null before */
  byte[] render(Plan plan, PeriodConsolidation period, String signer) {
    OrgUnit unit = bodies.find(period.reportTo() != null ? period.reportTo() : plan.getLeadUnit()).orElseThrow();
    OrgUnit issuer = bodies.find(plan.getIssuer()).orElseThrow();
    OfficialDocx docx = new OfficialDocx();
    if (period.number() == null) {
      docx.draftMark(PlanDocument.DRAFT);
    }
    docx.header(bodies.lines(unit), DocumentTexts.numberLine(period.number(), DocumentType.BC.abbreviation(),
        unit.getSymbol()), DocumentTexts.placeDate(bodies.place(unit), period.sentOn(), LocalDate.now(clock).getYear()));
    docx.centred(TITLE, OfficialDocx.BODY_SIZE, true, false);
    docx.centred((period.title() == null ? "Kết quả thực hiện" : period.title().strip()) + " — "
        + plan.getTitle().strip(), OfficialDocx.BODY_SIZE, true, false);
    docx.subjectRule();
    docx.blank();
    docx.centred("Kính gửi: " + issuer.getName() + ".", OfficialDocx.BODY_SIZE, false, false);
    docx.blank();
    docx.body("Thực hiện Kế hoạch " + (plan.getNumber() == null ? plan.getCode() : "số " + plan.getNumber())
        + " của " + bodies.shortName(issuer) + ", " + unit.getName() + " báo cáo kết quả thực hiện "
        + (period.title() == null ? "kỳ " + period.period() : period.title().strip().toLowerCase(IssuingBodies.VIETNAMESE))
        + " (hạn gửi báo cáo của các đơn vị: trước ngày " + DocumentTexts.shortDate(period.deadline()) + ") như sau:");

    // The usual parts of a báo cáo: results, how the units reported, difficulties, proposals.
    int part = 0;
    docx.heading(DocumentTexts.roman(++part) + ". KẾT QUẢ THỰC HIỆN");
    docx.heading("1. Tình hình triển khai");
    lines(docx, period.summary(), "Chưa có đánh giá chung.");
    docx.heading("2. Kết quả thực hiện các nhiệm vụ tại Phụ lục kế hoạch");
    tasks(docx, period);
    docx.blank();
    docx.heading("3. Kết quả thực hiện các chỉ tiêu");
    targets(docx, period);
    docx.blank();
    docx.heading("4. Kết quả của các đơn vị");
    perUnit(docx, period, ReportView::summary, "Chưa có đơn vị nào gửi báo cáo.");

    docx.heading(DocumentTexts.roman(++part) + ". TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ");
    docx.body("Số đơn vị phải báo cáo: " + period.units().size() + "; đúng hạn: " + period.submitted().size()
        + "; muộn: " + period.late().size() + "; không gửi: " + period.missing().size()
        + (period.pending().isEmpty() ? "" : "; chưa gửi: " + period.pending().size()) + ".");
    if (!period.late().isEmpty()) {
      docx.body("- Đơn vị gửi báo cáo muộn: " + names(period.late()) + ".");
    }
    if (!period.missing().isEmpty()) {
      docx.body("- Đơn vị không gửi báo cáo: " + names(period.missing()) + ".");
    }
    units(docx, period);
    docx.blank();

    docx.heading(DocumentTexts.roman(++part) + ". KHÓ KHĂN, VƯỚNG MẮC");
    perUnit(docx, period, ReportView::difficulties, "Các đơn vị không phản ánh khó khăn, vướng mắc.");

    docx.heading(DocumentTexts.roman(++part) + ". KIẾN NGHỊ, ĐỀ XUẤT");
    docx.heading("1. Kiến nghị của các đơn vị");
    perUnit(docx, period, ReportView::recommendations, "Các đơn vị không có kiến nghị.");
    docx.heading("2. Đề xuất với " + bodies.shortName(issuer));
    lines(docx, period.proposals(), "Không có.");

    if (!period.attachedReports().isEmpty()) {
      docx.heading(DocumentTexts.roman(++part) + ". BÁO CÁO CỦA CÁC KẾ HOẠCH CẤP DƯỚI");
      for (PeriodConsolidation.AttachedLine attached : period.attachedReports()) {
        docx.body("- " + (attached.number() == null ? "Báo cáo" : "Báo cáo số " + attached.number())
            + (attached.sentOn() == null ? "" : " ngày " + DocumentTexts.shortDate(attached.sentOn()))
            + " về " + (attached.planTitle() == null ? attached.plan() : attached.planTitle().strip())
            + (attached.summary() == null || attached.summary().isBlank() ? "." : ": " + attached.summary().strip()));
      }
    }
    docx.closeWith(unit.getName() + " kính báo cáo " + bodies.shortName(issuer) + "./.");
    docx.signatureAndRecipients(DocumentTexts.recipients(List.of("Như trên"), vn.planflow.issuance.Recipients.defaultArchive(unit.getSymbol())),
        List.of(bodies.headTitle(unit)), signer);
    return docx.toBytes();
  }

  private static void lines(OfficialDocx docx, String text, String none) {
    List<String> lines = DocumentTexts.lines(text == null ? "" : text);
    if (lines.isEmpty()) {
      docx.body(none);
    }
    for (String line : lines) {
      docx.body(line.strip());
    }
  }

  /** "- Đơn vị: …" for each unit that reported and wrote this part; {@code none} when none did. */
  private void perUnit(OfficialDocx docx, PeriodConsolidation period, Function<ReportView, String> part, String none) {
    boolean any = false;
    for (ReportView report : period.reports()) {
      String text = part.apply(report);
      if (text == null || text.isBlank() || !(report.status().equals("SUBMITTED") || report.status().equals("LATE"))) {
        continue;
      }
      any = true;
      List<String> lines = DocumentTexts.lines(text);
      docx.body("- " + bodies.name(report.unit()) + ": " + lines.get(0).strip());
      for (String more : lines.subList(1, lines.size())) {
        docx.body(more.strip());
      }
    }
    if (!any) {
      docx.body(none);
    }
  }

  private static String names(List<PeriodConsolidation.UnitLine> units) {
    return String.join(", ", units.stream().map(PeriodConsolidation.UnitLine::unitName).toList());
  }

  private static void units(OfficialDocx docx, PeriodConsolidation period) {
    List<PeriodConsolidation.UnitLine> lines = period.units();
    int w = docx.textWidth();
    int[] widths = {w * 8 / 100, w * 52 / 100, w * 20 / 100, w - w * 8 / 100 - w * 52 / 100 - w * 20 / 100};
    XWPFTable table = docx.table(lines.size() + 1, widths);
    row(table, 0, true, "TT", "Đơn vị", "Tình trạng", "Ngày gửi");
    for (int i = 0; i < lines.size(); i++) {
      PeriodConsolidation.UnitLine line = lines.get(i);
      row(table, i + 1, false, String.valueOf(i + 1), line.unitName(), line.statusLabel(),
          line.submittedAt() == null ? "" : DocumentTexts.shortDate(line.submittedAt()
              .atZoneSameInstant(vn.planflow.calendar.EngineClock.VIETNAM).toLocalDate()));
    }
  }

  private static void tasks(OfficialDocx docx, PeriodConsolidation period) {
    int w = docx.textWidth();
    int[] widths = {w * 7 / 100, w * 33 / 100, w * 15 / 100, w * 15 / 100, w - w * 7 / 100 - w * 33 / 100 - w * 30 / 100};
    XWPFTable table = docx.table(period.tasks().size() + 1, widths);
    row(table, 0, true, "TT", "Nhiệm vụ", "Đơn vị chủ trì", "Tình trạng", "Kết quả của các đơn vị");
    for (int i = 0; i < period.tasks().size(); i++) {
      PeriodConsolidation.TaskLine task = period.tasks().get(i);
      List<String> results = new ArrayList<>();
      for (PeriodConsolidation.TaskByUnit unit : task.byUnit()) {
        results.add(unit.unitName() + ": " + unit.statusLabel()
            + (unit.progress() == null ? "" : " (" + unit.progress() + "%)")
            + (unit.result() == null || unit.result().isBlank() ? "" : " — " + unit.result().strip()));
      }
      row(table, i + 1, false, task.taskNo(), task.name(), task.leadUnitName(),
          task.statusLabel() + (task.averageProgress() == null ? "" : " (" + task.averageProgress() + "%)"),
          String.join("\n", results));
    }
  }

  private static void targets(OfficialDocx docx, PeriodConsolidation period) {
    int w = docx.textWidth();
    int[] widths = {w * 8 / 100, w * 42 / 100, w * 12 / 100, w - w * 8 / 100 - w * 42 / 100 - w * 12 / 100};
    XWPFTable table = docx.table(period.targets().size() + 1, widths);
    row(table, 0, true, "TT", "Chỉ tiêu", "Mục tiêu", "Giá trị các đơn vị báo cáo");
    for (int i = 0; i < period.targets().size(); i++) {
      PeriodConsolidation.TargetLine target = period.targets().get(i);
      List<String> values = new ArrayList<>();
      for (PeriodConsolidation.TargetByUnit unit : target.reported()) {
        values.add(unit.unitName() + ": " + (unit.value() == null ? "" : ReportWorkbook.number(unit.value()))
            + (unit.note() == null || unit.note().isBlank() ? "" : " (" + unit.note().strip() + ")"));
      }
      if (target.average() != null) {
        values.add("Bình quân: " + ReportWorkbook.number(target.average()));
      }
      row(table, i + 1, false, String.valueOf(i + 1), target.text(),
          target.targetValue() == null ? "" : ReportWorkbook.number(target.targetValue())
              + (target.unit() == null ? "" : target.unit().equals("%") ? "%" : " " + target.unit()),
          values.isEmpty() ? "Chưa có số liệu" : String.join("\n", values));
    }
  }

  private static void row(XWPFTable table, int index, boolean bold, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      OfficialDocx.cellText(table.getRow(index).getCell(i), cells[i], 12, bold,
          bold || i == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
    }
  }
}
