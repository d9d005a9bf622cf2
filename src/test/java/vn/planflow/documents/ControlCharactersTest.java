package vn.planflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/**
 * Text pasted into a plan may carry characters XML cannot hold (a NUL, a vertical tab from a
 * spreadsheet cell); the generated files must still open, with the text as written around them,
 * and markup stays plain text.
 */
class ControlCharactersTest {

  @Test
  void aDocxWithControlCharactersOpensAndShowsTheTextAsWritten() throws Exception {
    OfficialDocx docx = new OfficialDocx();
    docx.body("Mục tiêu\u0000 một\u000B hai <img src=x onerror=alert(1)> **đậm**");
    byte[] bytes = docx.toBytes();
    try (XWPFDocument reopened = new XWPFDocument(new ByteArrayInputStream(bytes));
        XWPFWordExtractor text = new XWPFWordExtractor(reopened)) {
      assertThat(text.getText()).contains("Mục tiêu một hai <img src=x onerror=alert(1)> **đậm**");
    }
  }

  @Test
  void aWorkbookCellWithControlCharactersOpensAgain() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      workbook.createSheet("s").createRow(0).createCell(0).setCellValue("a\u0000b\u000Bc");
      workbook.write(out);
    }
    try (XSSFWorkbook reopened = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(reopened.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("a").contains("c");
    }
  }
}
