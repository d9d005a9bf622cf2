package vn.planflow.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.planflow.calendar.EngineClock;
import vn.planflow.reporting.PeriodConsolidation;

/**
 * The figures of a period as a workbook (CONTRACT §6, {@code /reports/{period}/export}): the units
 * and how they reported, the appendix tasks' status per unit, the targets' values per unit, and the
 * late and missing units. One line per unit and task (or target), numbers as numbers, so the
 * consolidating specialist can filter and sum in Excel.
 */
final class ReportWorkbook {

  static final String UNITS = "Tình hình báo cáo";
  static final String TASKS = "Nhiệm vụ";
  static final String TARGETS = "Chỉ tiêu";
  static final String LATE_AND_MISSING = "Đơn vị chậm, không báo cáo";
  /** The row (0-based) of the column names on every sheet; data follow. */
  static final int HEADER_ROW = 2;

  private ReportWorkbook() {}

  static byte[] render(PeriodConsolidation period) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(workbook);
      String heading = (period.title() == null ? period.period() : period.title()) + " — " + period.planTitle();

      Sheet units = sheet(workbook, styles, UNITS, heading,
          List.of("Mã đơn vị", "Đơn vị", "Tình trạng", "Người gửi", "Ngày gửi"), new int[] {16, 45, 18, 18, 14});
      int r = HEADER_ROW + 1;
      for (PeriodConsolidation.UnitLine line : period.units()) {
        Row row = units.createRow(r++);
        text(row, 0, styles, line.unit());
        text(row, 1, styles, line.unitName());
        text(row, 2, styles, line.statusLabel());
        text(row, 3, styles, line.submittedBy());
        Cell sent = cell(row, 4, styles.date);
        if (line.submittedAt() != null) {
          sent.setCellValue(line.submittedAt().atZoneSameInstant(EngineClock.VIETNAM).toLocalDate());
        }
      }

      Sheet tasks = sheet(workbook, styles, TASKS, heading,
          List.of("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Tình trạng chung", "Tiến độ bình quân (%)", "Đơn vị báo cáo",
              "Tình trạng", "Tiến độ (%)", "Kết quả"), new int[] {6, 45, 28, 16, 12, 28, 16, 10, 45});
      r = HEADER_ROW + 1;
      for (PeriodConsolidation.TaskLine task : period.tasks()) {
        List<PeriodConsolidation.TaskByUnit> byUnit = task.byUnit().isEmpty() ? java.util.Collections.singletonList(null)
            : task.byUnit();
        for (PeriodConsolidation.TaskByUnit unit : byUnit) {
          Row row = tasks.createRow(r++);
          text(row, 0, styles, task.taskNo());
          text(row, 1, styles, task.name());
          text(row, 2, styles, task.leadUnitName());
          text(row, 3, styles, task.statusLabel());
          number(row, 4, styles, task.averageProgress() == null ? null : BigDecimal.valueOf(task.averageProgress()));
          text(row, 5, styles, unit == null ? "" : unit.unitName());
          text(row, 6, styles, unit == null ? "" : unit.statusLabel());
          number(row, 7, styles, unit == null || unit.progress() == null ? null : BigDecimal.valueOf(unit.progress()));
          text(row, 8, styles, unit == null ? "" : unit.result());
        }
      }

      Sheet targets = sheet(workbook, styles, TARGETS, heading,
          List.of("Mã", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Đơn vị báo cáo", "Giá trị báo cáo", "Ghi chú",
              "Bình quân"), new int[] {8, 50, 10, 10, 28, 14, 30, 12});
      r = HEADER_ROW + 1;
      for (PeriodConsolidation.TargetLine target : period.targets()) {
        List<PeriodConsolidation.TargetByUnit> reported = target.reported().isEmpty()
            ? java.util.Collections.singletonList(null) : target.reported();
        for (PeriodConsolidation.TargetByUnit unit : reported) {
          Row row = targets.createRow(r++);
          text(row, 0, styles, target.targetCode());
          text(row, 1, styles, target.text());
          text(row, 2, styles, target.unit());
          number(row, 3, styles, target.targetValue());
          text(row, 4, styles, unit == null ? "" : unit.unitName());
          number(row, 5, styles, unit == null ? null : unit.value());
          text(row, 6, styles, unit == null ? "" : unit.note());
          number(row, 7, styles, target.average());
        }
      }

      Sheet late = sheet(workbook, styles, LATE_AND_MISSING, heading,
          List.of("Mã đơn vị", "Đơn vị", "Tình trạng", "Ngày gửi"), new int[] {16, 45, 18, 14});
      r = HEADER_ROW + 1;
      for (List<PeriodConsolidation.UnitLine> lines : List.of(period.late(), period.missing())) {
        for (PeriodConsolidation.UnitLine line : lines) {
          Row row = late.createRow(r++);
          text(row, 0, styles, line.unit());
          text(row, 1, styles, line.unitName());
          text(row, 2, styles, line.statusLabel());
          Cell sent = cell(row, 3, styles.date);
          if (line.submittedAt() != null) {
            sent.setCellValue(line.submittedAt().atZoneSameInstant(EngineClock.VIETNAM).toLocalDate());
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 12.5 → "12,5" as Vietnamese documents write it. */
  static String number(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString().replace('.', ',');
  }

  private static Sheet sheet(XSSFWorkbook workbook, Styles styles, String name, String heading, List<String> columns,
      int[] widths) {
    Sheet sheet = workbook.createSheet(name);
    Cell title = cell(sheet.createRow(0), 0, styles.title);
    title.setCellValue(heading);
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
    Row header = sheet.createRow(HEADER_ROW);
    for (int i = 0; i < columns.size(); i++) {
      cell(header, i, styles.header).setCellValue(columns.get(i));
      sheet.setColumnWidth(i, widths[i] * 256);
    }
    sheet.createFreezePane(0, HEADER_ROW + 1);
    sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, columns.size() - 1));
    return sheet;
  }

  private static void text(Row row, int column, Styles styles, String value) {
    cell(row, column, styles.text).setCellValue(value == null ? "" : value);
  }

  private static void number(Row row, int column, Styles styles, BigDecimal value) {
    Cell cell = cell(row, column, styles.number);
    if (value != null) {
      cell.setCellValue(value.doubleValue());
    }
  }

  private static Cell cell(Row row, int column, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellStyle(style);
    return cell;
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle text;
    final CellStyle number;
    final CellStyle date;

    Styles(XSSFWorkbook workbook) {
      title = style(workbook, 14, true, false);
      header = style(workbook, 12, true, true);
      text = style(workbook, 12, false, true);
      number = style(workbook, 12, false, true);
      number.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("#,##0.##"));
      date = style(workbook, 12, false, true);
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
    }

    private static CellStyle style(XSSFWorkbook workbook, int size, boolean bold, boolean bordered) {
      return RegisterWorkbook.style(workbook, size, bold, bordered, HorizontalAlignment.GENERAL);
    }
  }
}
