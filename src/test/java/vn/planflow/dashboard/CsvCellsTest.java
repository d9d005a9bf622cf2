package vn.planflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A CSV cell Excel would run as a formula is shown as text (OWASP CSV injection). */
class CsvCellsTest {

  @Test
  void cellsExcelWouldRunAsFormulasArePrefixed() {
    assertThat(CsvCells.text("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
    assertThat(CsvCells.text("+1")).isEqualTo("'+1");
    assertThat(CsvCells.text("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvCells.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.text("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvCells.text("\r=1")).isEqualTo("'\r=1");
  }

  @Test
  void otherCellsStayAsTheyAre() {
    assertThat(CsvCells.text("Lãnh đạo đơn vị duyệt dự thảo")).isEqualTo("Lãnh đạo đơn vị duyệt dự thảo");
    assertThat(CsvCells.text("05/12/2026 08:00")).isEqualTo("05/12/2026 08:00");
    assertThat(CsvCells.text("a=b")).isEqualTo("a=b");
    assertThat(CsvCells.text("")).isEmpty();
    assertThat(CsvCells.text(null)).isNull();
  }
}
