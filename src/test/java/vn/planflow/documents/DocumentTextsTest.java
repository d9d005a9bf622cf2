package vn.planflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The fixed wording of Nghị định 30/2020 documents. */
class DocumentTextsTest {

  @Test
  void daysBelowTenAndJanuaryAndFebruaryTakeALeadingZero() {
    assertThat(DocumentTexts.placeDate("Hà Nội", LocalDate.of(2022, 11, 11), 0)).isEqualTo("Hà Nội, ngày 11 tháng 11 năm 2022");
    assertThat(DocumentTexts.placeDate("Yên Hòa", LocalDate.of(2026, 1, 5), 0)).isEqualTo("Yên Hòa, ngày 05 tháng 01 năm 2026");
    assertThat(DocumentTexts.placeDate("Hà Nội", LocalDate.of(2026, 3, 9), 0)).isEqualTo("Hà Nội, ngày 09 tháng 3 năm 2026");
  }

  @Test
  void anUndatedDocumentLeavesDayAndMonthBlank() {
    assertThat(DocumentTexts.placeDate("Hà Nội", null, 2026)).isEqualTo("Hà Nội, ngày        tháng        năm 2026");
    assertThat(DocumentTexts.numberLine(null, "KH", "UBND")).isEqualTo("Số:        /KH-UBND");
    assertThat(DocumentTexts.numberLine("03/KH-UBND", "KH", "UBND")).isEqualTo("Số: 03/KH-UBND");
  }

  @Test
  void romanNumeralsNumberTheParts() {
    assertThat(DocumentTexts.roman(4)).isEqualTo("IV");
    assertThat(DocumentTexts.roman(9)).isEqualTo("IX");
    assertThat(DocumentTexts.leadingRoman("IV. TỔ CHỨC THỰC HIỆN")).isEqualTo(4);
    assertThat(DocumentTexts.leadingRoman("NỘI DUNG")).isZero();
    assertThat(DocumentTexts.withoutNumeral("V. CHẾ ĐỘ BÁO CÁO")).isEqualTo("CHẾ ĐỘ BÁO CÁO");
  }

  @Test
  void theSubjectDropsTheTypeName() {
    assertThat(DocumentTexts.subject("Kế hoạch thực hiện Chương trình", "Kế hoạch")).isEqualTo("Thực hiện Chương trình");
    assertThat(DocumentTexts.subject("Về việc tổ chức hội nghị", "Kế hoạch")).isEqualTo("Về việc tổ chức hội nghị");
  }
}
