package vn.planflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Nơi nhận as Phụ lục I writes it, whatever the drafter typed. */
class RecipientsTest {

  @Test
  void eachLineHasItsDashTheLastAFullStopTheOthersASemicolon() {
    assertThat(DocumentTexts.recipients(List.of("Sở Công Thương", "- TT Đảng ủy, HĐND phường;", "Lưu: VT, KT."), null))
        .containsExactly("- Sở Công Thương;", "- TT Đảng ủy, HĐND phường;", "- Lưu: VT, KT.");
  }

  @Test
  void aNoteStaysBesideItsRecipientBeforeTheSemicolon() {
    assertThat(DocumentTexts.recipients(List.of("Bộ Công Thương; (để b/c)", "Thường trực HĐND (để báo cáo),"), "VT"))
        .containsExactly("- Bộ Công Thương (để b/c);", "- Thường trực HĐND (để báo cáo);", "- Lưu: VT.");
  }

  @Test
  void theArchiveLineGoesLastAndIsAddedWhenMissing() {
    assertThat(DocumentTexts.recipients(List.of("Lưu VT, SCT", "Như trên"), "VT, X"))
        .containsExactly("- Như trên;", "- Lưu: VT, SCT.");
    assertThat(DocumentTexts.recipients(List.of("Như trên"), "VT, SCT")).containsExactly("- Như trên;", "- Lưu: VT, SCT.");
  }

  @Test
  void blankAndRepeatedLinesAreDropped() {
    assertThat(DocumentTexts.recipients(List.of(" ", "Sở Tài chính;", "- Sở Tài chính"), null))
        .containsExactly("- Sở Tài chính.");
  }

  @Test
  void aCopyForEachRecipientAndEachHolderOfTheBanLuu() {
    var recipients = vn.planflow.issuance.Recipients.parse(List.of("Sở Công Thương;", "Sở Tài chính;", "Lưu: VT, KTN."),
        null);
    assertThat(recipients.names()).containsExactly("Sở Công Thương", "Sở Tài chính");
    assertThat(recipients.archive()).isEqualTo("VT, KTN");
    assertThat(recipients.copies()).isEqualTo(4);
  }

  @Test
  void onlyOutlineNumbersArePrinted() {
    assertThat(DocumentTexts.isOutlineNumber("4.1")).isTrue();
    assertThat(DocumentTexts.isOutlineNumber("2.3.1.")).isTrue();
    assertThat(DocumentTexts.isOutlineNumber("T1")).isFalse();
    assertThat(DocumentTexts.isOutlineNumber("4")).isFalse();
    assertThat(PlanDocument.asSentence("giảm 5% rác thải;")).isEqualTo("Giảm 5% rác thải.");
    assertThat(PlanDocument.asSentence("Đạt 100%.")).isEqualTo("Đạt 100%.");
  }
}
