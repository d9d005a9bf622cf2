package vn.planflow.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.stereotype.Component;
import vn.planflow.issuance.DocumentType;
import vn.planflow.org.OrgUnit;
import vn.planflow.plan.Plan;
import vn.planflow.reporting.PeriodConsolidation;

/**
 * The consolidated report of a period ({@code n/BC-<unit>}), signed by the report-to unit: the
 * consolidated summary, who reported (on time, late, not at all), the results per appendix task and
 * per target, and the child plans' reports attached. Before it is approved it says "DỰ THẢO".
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

    docx.heading("I. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ");
    docx.body("Số đơn vị phải báo cáo: " + period.units().size() + "; đúng hạn: " + period.submitted().size()
        + "; muộn: " + period.late().size() + "; không gửi: " + period.missing().size()
        + (period.pending().isEmpty() ? "" : "; chưa gửi: " + period.pending().size()) + ".");
    units(docx, period);

    docx.heading("II. KẾT QUẢ THỰC HIỆN");
    for (String line : DocumentTexts.lines(period.summary() == null ? "" : period.summary())) {
      docx.body(line);
    }
    docx.body("1. Kết quả thực hiện các nhiệm vụ tại Phụ lục kế hoạch:");
    tasks(docx, period);
    docx.body("2. Kết quả thực hiện các chỉ tiêu:");
    targets(docx, period);

    if (!period.attachedReports().isEmpty()) {
      docx.heading("III. BÁO CÁO CỦA CÁC KẾ HOẠCH CẤP DƯỚI");
      for (PeriodConsolidation.AttachedLine attached : period.attachedReports()) {
        docx.body("- " + (attached.number() == null ? "Báo cáo" : "Báo cáo số " + attached.number())
            + (attached.sentOn() == null ? "" : " ngày " + DocumentTexts.shortDate(attached.sentOn()))
            + " về " + (attached.planTitle() == null ? attached.plan() : attached.planTitle().strip())
            + (attached.summary() == null || attached.summary().isBlank() ? "." : ": " + attached.summary().strip()));
      }
    }
    docx.body(unit.getName() + " kính báo cáo " + bodies.shortName(issuer) + "./.");
    docx.signatureAndRecipients(DocumentTexts.recipients(List.of("Như trên"), "VT, " + unit.getSymbol()),
        List.of(bodies.headTitle(unit)), signer);
    return docx.toBytes();
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
