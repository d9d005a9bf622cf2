package vn.planflow.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The outgoing register (sổ đăng ký văn bản đi, Nghị định 30/2020, Phụ lục IV) of an issuer and
 * year as a workbook to print: title, issuer and year, then one line per document with the form's
 * columns. Dates are real dates (dd/mm/yyyy), so the clerk can sort and filter in Excel.
 */
final class RegisterWorkbook {

  static final String TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐI";
  static final List<String> COLUMNS = List.of("Số, ký hiệu văn bản", "Ngày, tháng văn bản",
      "Tên loại và trích yếu nội dung văn bản", "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu",
      "Số lượng bản", "Ghi chú");
  /** The row (0-based) of the column names; documents follow. */
  static final int HEADER_ROW = 4;
  private static final int[] WIDTHS = {16, 13, 55, 22, 40, 18, 10, 18};

  private RegisterWorkbook() {}

  static byte[] render(RegisterView register) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Sổ văn bản đi " + register.year());
      CellStyle title = style(workbook, 14, true, false, HorizontalAlignment.CENTER);
      CellStyle subtitle = style(workbook, 12, false, false, HorizontalAlignment.CENTER);
      CellStyle header = style(workbook, 12, true, true, HorizontalAlignment.CENTER);
      CellStyle text = style(workbook, 12, false, true, HorizontalAlignment.LEFT);
      CellStyle centred = style(workbook, 12, false, true, HorizontalAlignment.CENTER);
      CellStyle date = style(workbook, 12, false, true, HorizontalAlignment.CENTER);
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));

      int last = COLUMNS.size() - 1;
      line(sheet, 0, TITLE, title, last);
      line(sheet, 1, "Cơ quan, tổ chức: " + IssuingBodies.upper(register.issuerName()), subtitle, last);
      line(sheet, 2, "Năm " + register.year(), subtitle, last);
      Row names = sheet.createRow(HEADER_ROW);
      for (int i = 0; i < COLUMNS.size(); i++) {
        cell(names, i, header).setCellValue(COLUMNS.get(i));
        sheet.setColumnWidth(i, WIDTHS[i] * 256);
      }
      int r = HEADER_ROW + 1;
      for (RegisterView.Entry entry : register.entries()) {
        Row row = sheet.createRow(r++);
        cell(row, 0, centred).setCellValue(entry.number());
        cell(row, 1, date).setCellValue(entry.issuedOn());
        cell(row, 2, text).setCellValue(entry.typeAndSummary());
        cell(row, 3, text).setCellValue(entry.signer() == null ? "" : entry.signer());
        // One recipient per line, as the form writes them (rows from before V12 keep their "; ").
        cell(row, 4, text).setCellValue(entry.recipients() == null ? "" : entry.recipients());
        cell(row, 5, text).setCellValue(entry.archive() == null ? "" : entry.archive());
        Cell copies = cell(row, 6, centred);
        if (entry.copies() != null) {
          copies.setCellValue(entry.copies());
        }
        cell(row, 7, text).setCellValue(entry.notes() == null ? "" : entry.notes());
      }
      sheet.createFreezePane(0, HEADER_ROW + 1);
      sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, last));
      sheet.getPrintSetup().setLandscape(true);
      sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
      sheet.setFitToPage(true);
      sheet.getPrintSetup().setFitWidth((short) 1);
      sheet.getPrintSetup().setFitHeight((short) 0);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(Sheet sheet, int row, String value, CellStyle style, int lastColumn) {
    cell(sheet.createRow(row), 0, style).setCellValue(value);
    sheet.addMergedRegion(new CellRangeAddress(row, row, 0, lastColumn));
  }

  private static Cell cell(Row row, int column, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellStyle(style);
    return cell;
  }

  /** A Times New Roman cell style, wrapped and vertically centred; thin borders for table cells. */
  static CellStyle style(XSSFWorkbook workbook, int size, boolean bold, boolean bordered,
      HorizontalAlignment alignment) {
    Font font = workbook.createFont();
    font.setFontName(OfficialDocx.FONT);
    font.setFontHeightInPoints((short) size);
    font.setBold(bold);
    CellStyle style = workbook.createCellStyle();
    style.setFont(font);
    style.setAlignment(alignment);
    style.setVerticalAlignment(VerticalAlignment.CENTER);
    style.setWrapText(true);
    if (bordered) {
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
    }
    return style;
  }
}
