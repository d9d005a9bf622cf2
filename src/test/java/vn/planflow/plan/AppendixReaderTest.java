package vn.planflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import vn.planflow.system.FieldProblem;
import vn.planflow.system.InvalidRequestException;

class AppendixReaderTest {

  private static final String FIXTURE = "/seeds/hanoi-2025-appendix.csv";
  private static final String HEADER =
      "TT,Nhóm,Tên nhiệm vụ,Nội dung,Mục tiêu,Sản phẩm,Đơn vị chủ trì,Đơn vị phối hợp,Kinh phí,"
          + "Thời gian\n";
  private static final LocalDate PLAN_START = LocalDate.of(2025, 1, 1);
  private static final LocalDate PLAN_END = LocalDate.of(2025, 12, 31);

  private final AppendixReader reader = new AppendixReader();

  @Test
  void readsAllThirteenTasksOfTheHanoiPlan() {
    List<AppendixRow> rows = hanoiAppendix();

    assertThat(rows).hasSize(13);
    assertThat(rows)
        .extracting(AppendixRow::no)
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13");
    assertThat(rows)
        .extracting(AppendixRow::line)
        .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
    assertThat(rows.get(0).name())
        .isEqualTo(
            "Xây dựng tài liệu, phổ biến chính sách pháp luật, các mô hình, thực hành tốt về sản"
                + " xuất tiêu dùng bền vững (lối sống bền vững, hài hòa với thiên nhiên, bảo vệ môi"
                + " trường,...) trên địa bàn Thành phố.");
    assertThat(rows.get(5).name())
        .isEqualTo(
            "Tổ chức Hội chợ triển lãm quốc tế Mạng lưới cao cấp sản xuất, cung ứng, tiêu dùng bền"
                + " vững lĩnh vực ngành công nghiệp hàng không tại Hà Nội (AeroExpo Hanoi & VietNam"
                + " Aviation Forum 2025).");
    assertThat(rows.get(12).name())
        .isEqualTo(
            "Hỗ trợ cung cấp thông tin, hướng dẫn, phổ biến cho người tiêu dùng về các sản phẩm"
                + " hữu cơ, sản phẩm được dán nhãn sinh thái, thân thiện môi trường.");
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.leadUnit()).isEqualTo("Sở Công Thương");
              assertThat(row.budgetSource()).isEqualTo("Ngân sách Thành phố");
              assertThat(row.product()).isNull();
              assertThat(row.content()).isNotBlank().doesNotContain("<", ">");
              assertThat(row.target()).isNotBlank().doesNotContain("<", ">");
              assertThat(row.coordinatingUnits()).hasSize(1);
            });
    assertThat(rows)
        .extracting(AppendixRow::group)
        .containsOnly(
            "Đẩy mạnh truyền thông về sản xuất và tiêu dùng bền vững",
            "Thúc đẩy sản xuất sạch hơn, sản xuất các sản phẩm thân thiện môi trường, áp dụng mô"
                + " hình, liên kết bền vững theo chuỗi vòng đời sản phẩm",
            "Phát triển hệ thống phân phối bền vững, xuất nhập khẩu bền vững");
  }

  @Test
  void everyTimeframeOfTheHanoiPlanFallsIn2025() {
    List<AppendixRow> rows = hanoiAppendix();

    assertThat(rows)
        .allSatisfy(
            row -> {
              Timeframe timeframe = TimeframeParser.parse(row.timeframe(), PLAN_START, PLAN_END);
              assertThat(timeframe.known()).as("task %s: %s", row.no(), row.timeframe()).isTrue();
              assertThat(timeframe.startDate().getYear()).isEqualTo(2025);
              assertThat(timeframe.endDate().getYear()).isEqualTo(2025);
            });
    assertThat(rows.get(5).timeframe()).isEqualTo("Tháng 01 - 12/2025");
  }

  @Test
  void keepsVietnameseTextAndJoinsCellsSplitAcrossPages() {
    List<AppendixRow> rows = hanoiAppendix();

    assertThat(rows.get(5).name()).contains("Hội chợ triển lãm quốc tế");
    assertThat(rows.get(5).content()).contains("“Mạng lưới sản xuất và tiêu dùng bền vững”");
    assertThat(rows.get(0).content())
        .startsWith("- Tổ chức tuyên truyền")
        .contains("\n- Tổ chức tập huấn")
        .endsWith("giai đoạn 2021 – 2025 trên địa bàn thành phố Hà Nội, phương hướng nhiệm vụ"
            + " giai đoạn 2026 - 2030.");
    assertThat(rows.get(2).name()).contains("sản phẩm bao bì nhựa dùng một lần, khó phân hủy");
    assertThat(rows.get(4).content()).contains("nhóm ngành: công nghiệp nông thôn, công nghiệp");
    assertThat(rows.get(5).coordinatingUnits().get(0))
        .startsWith("- Các vụ có liên quan của Ban Kinh tế trung ương, các Bộ:")
        .contains("sản phẩm công nghiệp chủ lực Hà Nội.\n")
        .endsWith("- Công ty Advanced Business Events - Cộng hòa Pháp.")
        .doesNotContain(";");
    assertThat(rows.get(12).content()).contains("nâng cao năng lực về sản xuất và tiêu dùng bền");
  }

  @Test
  void xlsxRoundTripKeepsEveryCellByteForByte() {
    List<AppendixRow> rows = hanoiAppendix();

    List<AppendixRow> read = reader.readXlsx(stream(AppendixWorkbooks.toXlsx(rows)));

    assertThat(read).isEqualTo(rows);
    for (int i = 0; i < rows.size(); i++) {
      String[] expected = AppendixWorkbooks.cells(rows.get(i));
      String[] actual = AppendixWorkbooks.cells(read.get(i));
      for (int column = 0; column < expected.length; column++) {
        assertThat(utf8(actual[column])).isEqualTo(utf8(expected[column]));
      }
    }
  }

  @Test
  void readsCsvWithOrWithoutByteOrderMark() {
    byte[] plain = fixtureBytes();
    byte[] withBom = new byte[plain.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, withBom, 3, plain.length);

    assertThat(reader.readCsv(stream(withBom))).isEqualTo(reader.readCsv(stream(plain)));
  }

  @Test
  void readsQuotedCellsWithCommasQuotesAndLineBreaks() {
    String csv =
        HEADER
            + "I.1,Nhóm 1,\"Tên, có dấu phẩy\",\"Dòng 1\r\nDòng \"\"2\"\"\",,,  Sở Công Thương  ,"
            + "\" sgddt ; ; Sở Tài chính \",Ngân sách tỉnh,2026-2030\r\n";

    List<AppendixRow> rows = reader.readCsv(stream(csv));

    assertThat(rows)
        .containsExactly(
            new AppendixRow(
                2,
                "I.1",
                "Nhóm 1",
                "Tên, có dấu phẩy",
                "Dòng 1\r\nDòng \"2\"",
                null,
                null,
                "Sở Công Thương",
                List.of("sgddt", "Sở Tài chính"),
                "Ngân sách tỉnh",
                "2026-2030"));
  }

  @Test
  void readsCsvSavedWithSemicolons() {
    String csv = HEADER.replace(',', ';') + "1;Nhóm;Tên;;;;Sở Công Thương;\"a; b\";;Năm 2026\n";

    AppendixRow row = reader.readCsv(stream(csv)).get(0);

    assertThat(row.name()).isEqualTo("Tên");
    assertThat(row.coordinatingUnits()).containsExactly("a", "b");
    assertThat(row.timeframe()).isEqualTo("Năm 2026");
  }

  @Test
  void skipsBlankRowsAndKeepsSpreadsheetRowNumbers() {
    String csv = "\n" + HEADER + ",,,,\n1,,Tên 1,,,,SCT,,,\n   \n2,,Tên 2,,,,SCT,,,\n";

    List<AppendixRow> rows = reader.readCsv(stream(csv));

    assertThat(rows).extracting(AppendixRow::line).containsExactly(4, 6);
    assertThat(rows.get(0).coordinatingUnits()).isEmpty();
    assertThat(rows.get(0).group()).isNull();
  }

  @Test
  void acceptsTheHeaderInAnyCaseAndSpacing() {
    String csv =
        " tt , NHÓM,tên  nhiệm vụ,Nội dung,Mục tiêu,Sản phẩm,Đơn vị chủ trì,Đơn vị phối hợp,"
            + "Kinh phí,Thời gian \n1,,Tên,,,,SCT,,,\n";

    assertThat(reader.readCsv(stream(csv))).hasSize(1);
  }

  @Test
  void readsNumbersAndFormulasAsExcelShowsThem() {
    byte[] xlsx =
        AppendixWorkbooks.withTemplateHeader(
            sheet -> {
              Row row = sheet.createRow(1);
              row.createCell(0).setCellValue(1.0);
              row.createCell(2).setCellValue("Tên");
              row.createCell(4).setCellValue(12.5);
              row.createCell(6).setCellValue("SCT");
              row.createCell(8).setCellFormula("1000*3");
            });

    AppendixRow row = reader.readXlsx(stream(xlsx)).get(0);

    assertThat(row.no()).isEqualTo("1");
    assertThat(row.target()).isEqualTo("12.5");
    assertThat(row.budgetSource()).isEqualTo("3000");
  }

  @Test
  void aMergedCellCountsForEveryRowItCovers() {
    byte[] xlsx =
        AppendixWorkbooks.withTemplateHeader(
            sheet -> {
              for (int r = 1; r <= 3; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(String.valueOf(r));
                row.createCell(2).setCellValue("Tên " + r);
              }
              sheet.getRow(1).createCell(6).setCellValue("Sở Công Thương");
              sheet.addMergedRegion(new CellRangeAddress(1, 3, 6, 6));
            });

    assertThat(reader.readXlsx(stream(xlsx)))
        .extracting(AppendixRow::leadUnit)
        .containsExactly("Sở Công Thương", "Sở Công Thương", "Sở Công Thương");
  }

  @Test
  void rejectsAWrongHeader() {
    String csv =
        "TT,Nhóm,Tên,Nội dung,Mục tiêu,Sản phẩm,Đơn vị chủ trì,Đơn vị phối hợp,Kinh phí\n"
            + "1,,Tên,,,,SCT,,\n";

    List<FieldProblem> problems = problemsOf(reader::readCsv, utf8(csv));

    assertThat(problems)
        .containsExactly(
            new FieldProblem("header", "cột C phải là 'Tên nhiệm vụ' (đang là 'Tên')"),
            new FieldProblem("header", "thiếu cột J 'Thời gian'"));
  }

  @Test
  void rejectsAWrongHeaderInXlsx() {
    String[] header = Arrays.copyOf(AppendixWorkbooks.header(), 11);
    header[9] = "Thời hạn";
    header[10] = "Ghi chú";

    List<FieldProblem> problems = problemsOf(reader::readXlsx, AppendixWorkbooks.xlsxOf(header));

    assertThat(problems)
        .containsExactly(
            new FieldProblem("header", "cột J phải là 'Thời gian' (đang là 'Thời hạn')"),
            new FieldProblem("header", "cột K 'Ghi chú' không thuộc mẫu phụ lục"));
  }

  @Test
  void rejectsAFileWithoutHeader() {
    assertThat(problemsOf(reader::readCsv, new byte[0]))
        .extracting(FieldProblem::field)
        .containsExactly("header");
    assertThat(problemsOf(reader::readXlsx, AppendixWorkbooks.xlsxOf()))
        .extracting(FieldProblem::field)
        .containsExactly("header");
  }

  @Test
  void reportsEveryMissingRequiredCellAtOnce() {
    String csv =
        HEADER
            + "1,,,,,,Sở Công Thương,,,\n"
            + "2,,Tên 2,,,,,,,\n"
            + ",Nhóm,Tên 3,,,,SCT,,,\n"
            + "4,,Tên 4,,,,SCT,,,\n";

    List<FieldProblem> problems = problemsOf(reader::readCsv, utf8(csv));

    assertThat(problems)
        .containsExactly(
            new FieldProblem("rows[2].Tên nhiệm vụ", "thiếu tên nhiệm vụ"),
            new FieldProblem("rows[3].Đơn vị chủ trì", "thiếu đơn vị chủ trì"),
            new FieldProblem("rows[4].TT", "thiếu số thứ tự (TT)"));
  }

  @Test
  void reportsMissingCellsInXlsxByRowNumber() {
    byte[] xlsx =
        AppendixWorkbooks.xlsxOf(
            AppendixWorkbooks.withHeader(
                new String[] {"1", null, "Tên 1", null, null, null, "SCT"},
                new String[] {},
                new String[] {"3", null, "  ", null, null, null, null}));

    assertThat(problemsOf(reader::readXlsx, xlsx))
        .extracting(FieldProblem::field)
        .containsExactly("rows[4].Tên nhiệm vụ", "rows[4].Đơn vị chủ trì");
  }

  @Test
  void rejectsDuplicateTaskNumbers() {
    String csv = HEADER + "1,,Tên 1,,,,SCT,,,\n2,,Tên 2,,,,SCT,,,\n 1 ,,Tên 3,,,,SCT,,,\n";

    assertThat(problemsOf(reader::readCsv, utf8(csv)))
        .containsExactly(new FieldProblem("rows[4].TT", "TT '1' trùng với dòng 2"));
  }

  @Test
  void rejectsCellsOutsideTheTemplate() {
    String csv = HEADER + "1,,Tên 1,,,,SCT,,,,ghi chú\n";

    assertThat(problemsOf(reader::readCsv, utf8(csv)))
        .extracting(FieldProblem::field)
        .containsExactly("rows[2]");
  }

  @Test
  void rejectsWhatIsNotASpreadsheet() {
    byte[] pdf = "%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] csv = fixtureBytes();
    byte[] xlsx = AppendixWorkbooks.toXlsx(hanoiAppendix());

    assertThat(problemsOf(reader::readXlsx, pdf))
        .containsExactly(
            new FieldProblem("file", "tệp không phải là bảng tính Excel (.xlsx) hợp lệ"));
    assertThat(problemsOf(reader::readXlsx, csv))
        .extracting(FieldProblem::field)
        .containsExactly("file");
    assertThat(problemsOf(reader::readCsv, xlsx))
        .extracting(FieldProblem::field)
        .containsExactly("file");
    assertThat(problemsOf(reader::readCsv, pdf))
        .extracting(FieldProblem::field)
        .containsExactly("file");
  }

  @Test
  void rejectsCsvThatIsNotUtf8OrBadlyQuoted() {
    byte[] latin1 = (HEADER + "1,,Tên,,,,SCT,,,\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] unclosedQuote = utf8(HEADER + "1,,\"Tên,,,,SCT,,,\n");
    byte[] strayQuote = utf8(HEADER + "1,,\"Tên\" x,,,,SCT,,,\n");

    assertThat(problemsOf(reader::readCsv, latin1))
        .containsExactly(new FieldProblem("file", "tệp CSV phải được lưu với bảng mã UTF-8"));
    assertThat(problemsOf(reader::readCsv, unclosedQuote))
        .containsExactly(
            new FieldProblem("file", "tệp CSV không hợp lệ ở dòng 2 (kiểm tra dấu ngoặc kép)"));
    assertThat(problemsOf(reader::readCsv, strayQuote))
        .containsExactly(
            new FieldProblem("file", "tệp CSV không hợp lệ ở dòng 2 (kiểm tra dấu ngoặc kép)"));
  }

  private List<AppendixRow> hanoiAppendix() {
    return reader.readCsv(stream(fixtureBytes()));
  }

  private static byte[] fixtureBytes() {
    try (InputStream in = AppendixReaderTest.class.getResourceAsStream(FIXTURE)) {
      assertThat(in).as(FIXTURE).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<FieldProblem> problemsOf(
      Function<InputStream, List<AppendixRow>> read, byte[] file) {
    InvalidRequestException e =
        catchThrowableOfType(InvalidRequestException.class, () -> read.apply(stream(file)));
    assertThat(e).as("InvalidRequestException").isNotNull();
    return e.problems();
  }

  private static InputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  private static InputStream stream(String text) {
    return stream(utf8(text));
  }

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
