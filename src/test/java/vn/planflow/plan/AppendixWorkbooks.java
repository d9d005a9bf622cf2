package vn.planflow.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds appendix uploads in memory for tests, so that tests of the reader, of the REST upload and
 * of document generation all start from the same rows instead of binary files kept in the repo.
 */
final class AppendixWorkbooks {

  private AppendixWorkbooks() {}

  /**
   * An {@code .xlsx} whose first sheet holds the template header in row 1 and each row at its own
   * {@link AppendixRow#line()}; coordinating units are joined with {@code "; "}, null cells are
   * left out.
   */
  static byte[] toXlsx(List<AppendixRow> rows) {
    return withTemplateHeader(
        sheet -> rows.forEach(row -> write(sheet.createRow(row.line() - 1), cells(row))));
  }

  /** An {@code .xlsx} with the template header in row 1 and whatever {@code body} adds below. */
  static byte[] withTemplateHeader(Consumer<Sheet> body) {
    return xlsx(
        sheet -> {
          write(sheet.createRow(0), header());
          body.accept(sheet);
        });
  }

  /** An {@code .xlsx} with exactly the given cells, row by row from row 1; nulls are left out. */
  static byte[] xlsxOf(String[]... rows) {
    return xlsx(
        sheet -> {
          for (int i = 0; i < rows.length; i++) {
            write(sheet.createRow(i), rows[i]);
          }
        });
  }

  /** The template header followed by the given rows. */
  static String[][] withHeader(String[]... rows) {
    return Stream.concat(Stream.<String[]>of(header()), Arrays.stream(rows))
        .toArray(String[][]::new);
  }

  /** The template header names, in column order. */
  static String[] header() {
    return AppendixReader.COLUMNS.toArray(String[]::new);
  }

  /** The ten template cells of a row, in column order. */
  static String[] cells(AppendixRow row) {
    return new String[] {
      row.no(),
      row.group(),
      row.name(),
      row.content(),
      row.target(),
      row.product(),
      row.leadUnit(),
      row.coordinatingUnits().isEmpty() ? null : String.join("; ", row.coordinatingUnits()),
      row.budgetSource(),
      row.timeframe()
    };
  }

  private static byte[] xlsx(Consumer<Sheet> content) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      content.accept(workbook.createSheet("Phụ lục"));
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Row row, String[] cells) {
    for (int column = 0; column < cells.length; column++) {
      if (cells[column] != null) {
        row.createCell(column).setCellValue(cells[column]);
      }
    }
  }
}
