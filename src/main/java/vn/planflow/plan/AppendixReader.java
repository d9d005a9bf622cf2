package vn.planflow.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.planflow.system.FieldProblem;
import vn.planflow.system.InvalidRequestException;

/**
 * Reads a plan appendix uploaded as CSV or {@code .xlsx} into rows, in the column order of the
 * contract. Officials prepare appendices by hand in Excel, so the reader checks the template
 * (header, required cells, unique TT) and reports every mistake at once, each pointing at its
 * spreadsheet row, instead of stopping at the first one. Resolving unit names to codes is left to
 * the caller, which knows the organization.
 */
@Component
final class AppendixReader {

  /** The appendix columns, in the order the template requires. */
  static final List<String> COLUMNS =
      List.of(
          "TT",
          "Nhóm",
          "Tên nhiệm vụ",
          "Nội dung",
          "Mục tiêu",
          "Sản phẩm",
          "Đơn vị chủ trì",
          "Đơn vị phối hợp",
          "Kinh phí",
          "Thời gian");

  /** Data rows read at most: the tasks a plan may have (see PlanValidator), plus the header. */
  static final int MAX_ROWS = PlanValidator.MAX_TASKS;
  /** Columns read per spreadsheet row: the template's ten and a margin to notice extra data. */
  private static final int MAX_COLUMNS = 64;
  private static final int MAX_MERGED_REGIONS = 10_000;

  static {
    // An .xlsx is a zip: refuse a part that inflates beyond this (a zip bomb) before parsing it.
    org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(50L * 1024 * 1024);
  }

  private static final int NO = 0;
  private static final int GROUP = 1;
  private static final int NAME = 2;
  private static final int CONTENT = 3;
  private static final int TARGET = 4;
  private static final int PRODUCT = 5;
  private static final int LEAD_UNIT = 6;
  private static final int COORDINATING_UNITS = 7;
  private static final int BUDGET_SOURCE = 8;
  private static final int TIMEFRAME = 9;

  /**
   * Reads a UTF-8 CSV file (with or without BOM). Cells follow RFC 4180 quoting, so they may hold
   * commas, quotes and line breaks. A file saved by Excel with ';' between cells is read too.
   */
  List<AppendixRow> readCsv(InputStream in) {
    String text = decodeUtf8(in);
    List<SheetRow> rows = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiterOf(text)).get();
    try (CSVParser parser =
        CSVParser.builder().setFormat(format).setReader(new StringReader(text)).get()) {
      try {
        int filled = 0;
        for (CSVRecord record : parser) {
          SheetRow row = new SheetRow((int) record.getRecordNumber(), record.toList());
          rows.add(row);
          if (!row.blank() && ++filled > MAX_ROWS + 1) {
            throw tooManyRows();
          }
        }
      } catch (UncheckedIOException | IllegalStateException e) {
        throw notReadable(
            "tệp CSV không hợp lệ ở dòng " + (rows.size() + 1) + " (kiểm tra dấu ngoặc kép)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return toAppendix(rows);
  }

  /**
   * Reads the first sheet of an {@code .xlsx} workbook. Cells are read as the text Excel shows
   * (a number 1 is "1", not "1.0"; a formula gives its last computed value), and a merged cell
   * counts for every row and column it covers.
   */
  List<AppendixRow> readXlsx(InputStream in) {
    try (XSSFWorkbook workbook = openWorkbook(in)) {
      if (workbook.getNumberOfSheets() == 0) {
        return toAppendix(List.of());
      }
      return toAppendix(sheetRows(workbook.getSheetAt(0)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String decodeUtf8(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw notReadable("tệp CSV phải được lưu với bảng mã UTF-8");
    }
    if (text.indexOf('\0') >= 0) {
      throw notReadable("tệp không phải là tệp CSV");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** No header name holds ',' or ';', so the header line tells which of them separates cells. */
  private static char delimiterOf(String text) {
    String firstLine = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
    return firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
  }

  private static XSSFWorkbook openWorkbook(InputStream in) {
    try {
      return new XSSFWorkbook(in);
    } catch (IOException | RuntimeException e) {
      vn.planflow.system.BodyTooLargeException tooLarge = vn.planflow.system.BodyTooLargeException.in(e);
      if (tooLarge != null) {
        throw new UncheckedIOException(tooLarge);
      }
      throw notReadable("tệp không phải là bảng tính Excel (.xlsx) hợp lệ");
    }
  }

  private static List<SheetRow> sheetRows(Sheet sheet) {
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    formatter.setUseCachedValuesForFormulaCells(true);
    if (sheet.getNumMergedRegions() > MAX_MERGED_REGIONS) {
      throw notReadable("bảng tính có quá nhiều ô gộp (tối đa " + MAX_MERGED_REGIONS + ")");
    }
    List<CellRangeAddress> merged = sheet.getMergedRegions();
    List<SheetRow> rows = new ArrayList<>();
    int filled = 0;
    for (Row row : sheet) {
      int width = Math.min(Math.max(row.getLastCellNum(), COLUMNS.size()), MAX_COLUMNS);
      List<String> cells = new ArrayList<>(width);
      for (int column = 0; column < width; column++) {
        Cell cell = visibleCell(sheet, merged, row, column);
        cells.add(cell == null ? null : formatter.formatCellValue(cell));
      }
      SheetRow sheetRow = new SheetRow(row.getRowNum() + 1, cells);
      rows.add(sheetRow);
      if (!sheetRow.blank() && ++filled > MAX_ROWS + 1) {
        throw tooManyRows();
      }
    }
    return rows;
  }

  /** The cell whose value shows at this place: the first cell of a merged region covering it. */
  private static Cell visibleCell(Sheet sheet, List<CellRangeAddress> merged, Row row, int column) {
    for (CellRangeAddress region : merged) {
      if (region.isInRange(row.getRowNum(), column)) {
        Row first = sheet.getRow(region.getFirstRow());
        return first == null ? null : first.getCell(region.getFirstColumn());
      }
    }
    return row.getCell(column);
  }

  private static List<AppendixRow> toAppendix(List<SheetRow> sheetRows) {
    Iterator<SheetRow> rows = sheetRows.stream().filter(row -> !row.blank()).iterator();
    if (!rows.hasNext()) {
      throw new InvalidRequestException(
          "header", "thiếu dòng tiêu đề (" + String.join(", ", COLUMNS) + ")");
    }
    List<FieldProblem> problems = headerProblems(rows.next());
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    List<AppendixRow> appendix = new ArrayList<>();
    Map<String, Integer> lineOfNo = new HashMap<>();
    while (rows.hasNext()) {
      SheetRow row = rows.next();
      String path = "rows[" + row.line() + "]";
      if (row.hasCellsBeyond(COLUMNS.size())) {
        problems.add(
            new FieldProblem(path, "có dữ liệu ngoài " + COLUMNS.size() + " cột của mẫu phụ lục"));
      }
      String no = row.cell(NO);
      if (no == null) {
        problems.add(new FieldProblem(path + "." + COLUMNS.get(NO), "thiếu số thứ tự (TT)"));
      } else {
        Integer firstLine = lineOfNo.putIfAbsent(no, row.line());
        if (firstLine != null) {
          problems.add(
              new FieldProblem(
                  path + "." + COLUMNS.get(NO), "TT '" + no + "' trùng với dòng " + firstLine));
        }
      }
      if (row.cell(NAME) == null) {
        problems.add(new FieldProblem(path + "." + COLUMNS.get(NAME), "thiếu tên nhiệm vụ"));
      }
      if (row.cell(LEAD_UNIT) == null) {
        problems.add(new FieldProblem(path + "." + COLUMNS.get(LEAD_UNIT), "thiếu đơn vị chủ trì"));
      }
      appendix.add(toRow(row));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return List.copyOf(appendix);
  }

  private static List<FieldProblem> headerProblems(SheetRow header) {
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < COLUMNS.size(); i++) {
      String expected = COLUMNS.get(i);
      String actual = header.cell(i);
      if (actual == null) {
        problems.add(
            new FieldProblem("header", "thiếu cột " + letter(i) + " '" + expected + "'"));
      } else if (!comparable(actual).equals(comparable(expected))) {
        problems.add(
            new FieldProblem(
                "header",
                "cột " + letter(i) + " phải là '" + expected + "' (đang là '" + actual + "')"));
      }
    }
    for (int i = COLUMNS.size(); i < header.width(); i++) {
      String extra = header.cell(i);
      if (extra != null) {
        problems.add(
            new FieldProblem(
                "header", "cột " + letter(i) + " '" + extra + "' không thuộc mẫu phụ lục"));
      }
    }
    return problems;
  }

  private static AppendixRow toRow(SheetRow row) {
    String coordinating = row.cell(COORDINATING_UNITS);
    List<String> coordinatingUnits =
        coordinating == null
            ? List.of()
            : Arrays.stream(coordinating.split(";"))
                .map(String::strip)
                .filter(unit -> !unit.isEmpty())
                .toList();
    return new AppendixRow(
        row.line(),
        row.cell(NO),
        row.cell(GROUP),
        row.cell(NAME),
        row.cell(CONTENT),
        row.cell(TARGET),
        row.cell(PRODUCT),
        row.cell(LEAD_UNIT),
        coordinatingUnits,
        row.cell(BUDGET_SOURCE),
        row.cell(TIMEFRAME));
  }

  /** Header names match whatever the case, spacing or Unicode form the spreadsheet used. */
  private static String comparable(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC)
        .replaceAll("[\\h\\v]+", " ")
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /** The spreadsheet letter of a column (0 is A), as officials see it in Excel. */
  private static String letter(int column) {
    String letters = "";
    for (int n = column + 1; n > 0; n = (n - 1) / 26) {
      letters = (char) ('A' + (n - 1) % 26) + letters;
    }
    return letters;
  }

  private static InvalidRequestException tooManyRows() {
    return notReadable("phụ lục có quá " + MAX_ROWS + " dòng nhiệm vụ (tối đa " + MAX_ROWS + " nhiệm vụ một kế hoạch)");
  }

  private static InvalidRequestException notReadable(String message) {
    return new InvalidRequestException("file", message);
  }

  /** The raw cells of one spreadsheet row and its 1-based row number. */
  private record SheetRow(int line, List<String> cells) {

    /** The cell without surrounding spaces, or null when it is empty. */
    String cell(int column) {
      if (column >= cells.size() || cells.get(column) == null) {
        return null;
      }
      String value = cells.get(column).strip();
      return value.isEmpty() ? null : value;
    }

    int width() {
      return cells.size();
    }

    boolean blank() {
      for (int i = 0; i < cells.size(); i++) {
        if (cell(i) != null) {
          return false;
        }
      }
      return true;
    }

    boolean hasCellsBeyond(int columns) {
      for (int i = columns; i < cells.size(); i++) {
        if (cell(i) != null) {
          return true;
        }
      }
      return false;
    }
  }
}
