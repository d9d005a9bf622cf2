package vn.planflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.AppendixRow;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.SeedAppendix;

/**
 * The Hà Nội 2025 seed plan taken through its approval over REST, its appendix uploaded as the
 * {@code .xlsx} the department keeps, and at each step the document the next official opens: the
 * draft plan, the Tờ trình, the vote record, the issued plan beside the seed text, and the
 * outgoing register. Dated 11/11/2022 so its numbers are the first of their registers that year.
 */
@PlanflowIntegrationTest
class HanoiPlanDocumentsTest {

  static final String CODE = "KH-SXTDBV-HN-2025-VB";
  /** hn.vanphong, of the city's Office, who sends the slips. */
  private static final String OFFICE_NAME = "Đào Quang Hưng";
  private static final List<String> CONSULTED = List.of("hn-stnmt", "hn-stc");
  private static final List<String> VOTERS = List.of("hn.chutich", "hn.pct1", "hn.pct2", "hn.pct3", "hn.pct4",
      "hn.cvp", "sct.giamdoc", "stnmt.giamdoc");

  @Autowired TestRestTemplate rest;
  @Autowired PdfRenderer pdfRenderer;
  @Autowired ObjectMapper json;
  @Autowired vn.planflow.org.CommitteeRules committeeRules;

  private OfficialClient as(String user) {
    return OfficialClient.demo(rest, json, user);
  }

  @BeforeEach
  void onTheDayOfTheExampleInTheIssue() {
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2022-11-11 08:30:00"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private void step(String user, String taskKey, Map<String, Object> variables) {
    var response = as(user).complete(as(user).taskId(CODE, taskKey), variables);
    assertThat(response.getStatusCode()).as(user + " " + taskKey + ": " + response.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
    runJobs();
  }

  private void runJobs() {
    as("admin").executeDueJobs();
  }

  private DocxContent document(String user, String path) {
    ResponseEntity<byte[]> response = rest.withBasicAuth(user, "demo").getForEntity(path, byte[].class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().equalsTypeAndSubtype(DocumentController.DOCX)).isTrue();
    assertThat(response.getHeaders().getContentDisposition().getFilename()).endsWith(".docx");
    DocumentFiles.keep(path.substring(path.lastIndexOf('/') + 1) + "-" + CODE, response.getBody());
    return new DocxContent(response.getBody());
  }

  /** The task-local link the form shows, opened as the official who has the task. */
  private DocxContent openFromTask(String user, String taskKey, String variable) {
    String taskId = as(user).taskId(CODE, taskKey);
    String url = as(user).getJson("/engine-rest/task/" + taskId + "/localVariables/" + variable).get("value").asText();
    assertThat(url).startsWith("/api/plans/" + CODE + "/");
    return document(user, url);
  }

  @Test
  void theSeedPlanHasItsDocumentsAtEveryStepAndTheIssuedOneReadsLikeTheSeed() throws Exception {
    String plan = new ClassPathResource("seeds/hanoi-2025-plan.json").getContentAsString(StandardCharsets.UTF_8)
        .replace("\"KH-SXTDBV-HN-2025\"", "\"" + CODE + "\"");
    assertThat(as("sct.chuyenvien").send(HttpMethod.POST, "/api/plans", plan, MediaType.APPLICATION_JSON)
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    List<AppendixRow> seed = SeedAppendix.hanoi2025();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(DocumentController.XLSX);
    ResponseEntity<String> upload = rest.withBasicAuth("sct.chuyenvien", "demo").exchange(
        "/api/plans/" + CODE + "/tasks", HttpMethod.PUT, new HttpEntity<>(SeedAppendix.xlsx(seed), headers), String.class);
    assertThat(upload.getStatusCode()).as(upload.getBody()).isEqualTo(HttpStatus.OK);

    // The draft: marked, unnumbered, undated, and its appendix is the spreadsheet, byte for byte.
    DocxContent draft = document("sct.chuyenvien", "/api/plans/" + CODE + "/document");
    assertThat(draft.paragraphs().get(0)).isEqualTo("DỰ THẢO");
    List<List<String>> draftHeader = DocxContent.rows(draft.tables().get(0));
    assertThat(draftHeader.get(1).get(0)).isEqualTo("Số:        /KH-UBND").doesNotContainPattern("\\d");
    assertThat(draftHeader.get(1).get(1)).isEqualTo("Hà Nội, ngày        tháng        năm 2022");
    assertAppendixIs(draft, seed, "(Kèm theo dự thảo Kế hoạch của UBND thành phố Hà Nội)");

    step("sct.chuyenvien", PlanApproval.DRAFT_PLAN, Map.of("consultedUnits", CONSULTED));
    step("sct.phogiamdoc", PlanApproval.REVIEW_DRAFT, Map.of("approved", true));
    step("stnmt.chuyenvien", PlanApproval.GIVE_OPINION, Map.of("opinion", "AGREE"));
    step("stc.chuyenvien", PlanApproval.GIVE_OPINION, Map.of("opinion", "AGREE_WITH_COMMENTS",
        "comment", "Đề nghị ghi rõ nguồn chi thường xuyên ngân sách cấp Thành phố"));
    step("sct.chuyenvien", PlanApproval.SYNTHESIZE_OPINIONS, Map.of("reconsult", false));

    // The department's director opens the Tờ trình before signing it: still a draft.
    DocxContent unsigned = openFromTask("sct.giamdoc", PlanApproval.APPROVE_SUBMISSION, DocumentLinks.SUBMISSION_DOCUMENT);
    assertThat(unsigned.paragraphs().get(0)).isEqualTo("DỰ THẢO");
    step("sct.giamdoc", PlanApproval.APPROVE_SUBMISSION, Map.of("approved", true));
    JsonNode submitted = as("sct.chuyenvien").getJson("/api/plans/" + CODE);
    String submissionNumber = submitted.get("submissionNumber").asText();
    assertThat(submissionNumber).as("the first Tờ trình of the year, with its leading zero").isEqualTo("01/TTr-SCT");

    DocxContent submission = document("hn.vanphong", "/api/plans/" + CODE + "/submission");
    assertThat(DocxContent.rows(submission.tables().get(0))).containsExactly(
        List.of("UBND THÀNH PHỐ HÀ NỘI\nSỞ CÔNG THƯƠNG\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"),
        List.of("Số: " + submissionNumber, "Hà Nội, ngày 11 tháng 11 năm 2022"));
    assertThat(submission.paragraphs()).startsWith("TỜ TRÌNH",
        "Về việc ban hành Kế hoạch thực hiện Chương trình hành động quốc gia về Sản xuất và tiêu dùng bền vững năm"
            + " 2025 trên địa bàn thành phố Hà Nội",
        "Kính gửi: Ủy ban nhân dân thành phố Hà Nội.",
        "Căn cứ Quyết định số 889/QĐ-TTg ngày 24/06/2020 của Thủ tướng Chính phủ phê duyệt Chương trình hành động"
            + " quốc gia về sản xuất và tiêu dùng bền vững giai đoạn 2021-2030;");
    assertThat(submission.paragraphs()).contains(
        "Kết quả: 1 đơn vị đồng ý; 1 đơn vị đồng ý, có góp ý.",
        "- Sở Tài chính: Đề nghị ghi rõ nguồn chi thường xuyên ngân sách cấp Thành phố. Tiếp thu.",
        "Sở Công Thương kính trình UBND thành phố Hà Nội xem xét, ban hành Kế hoạch./.");
    assertThat(submission.textLines()).containsSubsequence("Nơi nhận:", "- Như trên;", "- Lưu: VT, SCT.", "GIÁM ĐỐC",
        "Trần Quang Minh");

    // Eight of fifteen agree: the city's rules here close voting early once that decides it.
    committeeRules.closeVotingEarly("hn-ubnd", true);
    try {
      step("hn.vanphong", PlanApproval.REVIEW_SUBMISSION, Map.of("decision", "VOTE_SLIP", "signer", "hn.pct1"));
    } finally {
      committeeRules.restoreDefaults();
    }
    // Each member opens the draft from the vote slip before voting.
    for (String member : VOTERS) {
      DocxContent beforeVoting = openFromTask(member, PlanApproval.CAST_VOTE, DocumentLinks.PLAN_DOCUMENT);
      assertThat(beforeVoting.paragraphs().get(0)).isEqualTo("DỰ THẢO");
      step(member, PlanApproval.CAST_VOTE, Map.of("vote", "AGREE"));
    }

    DocxContent votes = document("hn.vanphong", "/api/plans/" + CODE + "/vote-record");
    assertThat(votes.paragraphs()).contains("BIÊN BẢN KIỂM PHIẾU",
        "Tổng số thành viên Ủy ban nhân dân thành phố Hà Nội: 15 (theo danh sách dưới đây). Phiếu không gửi lại"
            + " trước thời hạn không được tính là đồng ý theo Quy chế làm việc của UBND thành phố Hà Nội; việc lấy"
            + " phiếu kết thúc sớm khi kết quả đã rõ.",
        "Đồng ý: 8/15 thành viên (53,3%); không đồng ý: 0; ý kiến khác: 0; không gửi phiếu: 7 (chưa gửi phiếu — đã"
            + " kết thúc sớm).",
        "Kết luận: Kế hoạch được thông qua (số thành viên đồng ý chiếm quá nửa tổng số thành viên Ủy ban nhân"
            + " dân thành phố Hà Nội).");
    assertThat(votes.paragraphs()).contains("Nguyên tắc biểu quyết: Kế hoạch được thông qua khi được quá nửa tổng số"
        + " thành viên Ủy ban nhân dân thành phố Hà Nội biểu quyết tán thành (Luật Tổ chức chính quyền địa phương).");
    assertThat(votes.ruledUnder("Lấy ý kiến thành viên Ủy ban nhân dân thành phố Hà Nội về việc ban hành Kế hoạch"
        + " thực hiện Chương trình hành động quốc gia về Sản xuất và tiêu dùng bền vững năm 2025 trên địa bàn thành"
        + " phố Hà Nội")).isTrue();
    assertThat(votes.closingMarks()).isEqualTo(1);
    // Signed by the Office official who sent the slips, with their name.
    assertThat(DocxContent.rows(votes.tables().get(2)).get(0).get(1))
        .isEqualTo("VĂN PHÒNG UBND THÀNH PHỐ HÀ NỘI\nNGƯỜI LẬP BIÊN BẢN\n\n\n\n\n" + OFFICE_NAME);
    List<List<String>> slips = DocxContent.rows(votes.tables().get(1));
    assertThat(slips).hasSize(16);
    assertThat(slips.get(0)).isEqualTo(VoteRecordDocument.COLUMNS);
    assertThat(slips.stream().skip(1).filter(r -> r.get(3).equals("Đồng ý"))).hasSize(8);
    assertThat(slips.stream().skip(1).filter(r -> r.get(3).equals("Chưa gửi phiếu — đã kết thúc sớm"))).hasSize(7);
    assertThat(votes.paragraphs()).anyMatch(p -> p.startsWith("Việc lấy phiếu kết thúc lúc ")
        && p.contains(", trước thời hạn, vì kết quả đã rõ"));
    assertThat(slips).anySatisfy(r -> assertThat(r.subList(1, 6))
        .containsExactly("Lê Mạnh Quân", "Phó Chủ tịch", "Đồng ý", "", "08:30 ngày 11/11/2022"));

    // The signer opens the text to sign.
    DocxContent toSign = openFromTask("hn.pct1", PlanApproval.SIGN_PLAN, DocumentLinks.PLAN_DOCUMENT);
    assertThat(toSign.paragraphs().get(0)).isEqualTo("DỰ THẢO");
    assertThat(toSign.textLines()).containsSubsequence("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Mạnh Quân");
    step("hn.pct1", PlanApproval.SIGN_PLAN, Map.of("decision", "SIGN"));
    step("hn.vanthu", PlanApproval.ISSUE_PLAN, Map.of());

    JsonNode issued = as("sct.chuyenvien").getJson("/api/plans/" + CODE);
    String number = issued.get("number").asText();
    assertThat(number).as("the first plan of the year, with its leading zero").isEqualTo("01/KH-UBND");
    DocxContent plan2025 = document("stnmt.chuyenvien", "/api/plans/" + CODE + "/document");
    assertReadsLikeTheSeed(plan2025, number, submissionNumber);
    assertAppendixIs(plan2025, seed, "(Kèm theo Kế hoạch số " + number + " ngày 11/11/2022 của UBND thành"
        + " phố Hà Nội)");
    // For a person to put beside the seed text: target/documents/document-KH-SXTDBV-HN-2025-VB.docx (and .pdf).
    DocumentFiles.toPdfWhereLibreOfficeIs(DocumentFiles.path("document-" + CODE));
    assertIssuedDocumentNeverChanges();

    assertRegister(number, submissionNumber);
  }

  /** Header, number, place and date, title, the four parts, closing, signature, Nơi nhận — as in the seed. */
  private static void assertReadsLikeTheSeed(DocxContent plan, String number, String submissionNumber) {
    assertThat(plan.lines()).doesNotContain("DỰ THẢO");
    assertThat(DocxContent.rows(plan.tables().get(0))).containsExactly(
        List.of("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"),
        List.of("Số: " + number, "Hà Nội, ngày 11 tháng 11 năm 2022"));
    List<String> paragraphs = plan.paragraphs();
    assertThat(paragraphs).startsWith("KẾ HOẠCH",
        "Thực hiện Chương trình hành động quốc gia về Sản xuất và tiêu dùng bền vững năm 2025 trên địa bàn thành phố"
            + " Hà Nội",
        "Thực hiện: Quyết định số 889/QĐ-TTg ngày 24/06/2020 của Thủ tướng Chính phủ phê duyệt Chương trình hành"
            + " động quốc gia về sản xuất và tiêu dùng bền vững giai đoạn 2021-2030; Quyết định số 687/QĐ-TTg ngày"
            + " 07/6/2022 của Thủ tướng Chính phủ phê duyệt Đề án Phát triển kinh tế tuần hoàn tại Việt Nam; Quyết"
            + " định số 4052/QĐ-UBND ngày 11/9/2020 về việc ban hành Kế hoạch thực hiện Chương trình sản xuất và tiêu"
            + " dùng bền vững giai đoạn 2021-2025 trên địa bàn thành phố Hà Nội. Xét đề nghị của Sở Công Thương tại"
            + " Tờ trình số " + submissionNumber + " ngày 11/11/2022 và ý kiến thống nhất của các Thành viên UBND"
            + " thành phố Hà Nội (bằng Phiếu biểu quyết), UBND thành phố Hà Nội ban hành Kế hoạch thực"
            + " hiện Chương trình hành động quốc gia về Sản xuất và tiêu dùng bền vững năm 2025 trên địa bàn thành phố"
            + " Hà Nội với các nội dung như sau:",
        "I. MỤC TIÊU, YÊU CẦU");
    // Phụ lục I: a short line under the trích yếu; one "./." closes the text, nowhere else.
    assertThat(plan.ruledUnder("Thực hiện Chương trình hành động quốc gia về Sản xuất và tiêu dùng bền vững năm 2025"
        + " trên địa bàn thành phố Hà Nội")).isTrue();
    assertThat(plan.closingMarks()).isEqualTo(1);
    // The seed's structure, in its order: parts, numbered sub-parts, targets, and its closing words.
    assertThat(paragraphs).containsSubsequence(
        "I. MỤC TIÊU, YÊU CẦU",
        "4. Phấn đấu đến hết năm 2025 đạt các chỉ tiêu:",
        "4.1. Giảm 5 – 8% mức tiêu hao nguyên, nhiên vật liệu của các ngành sản xuất, cụ thể: dệt may, rượu bia"
            + " nước giải khát, thép, nhựa.",
        "4.6. Khuyến khích lồng ghép nội dung về sản xuất và tiêu dùng bền vững trong chương trình đào tạo, giảng"
            + " dạy tại các cấp đào tạo.",
        "II. NỘI DUNG",
        "1. Đẩy mạnh truyền thông về sản xuất và tiêu dùng bền vững",
        "(Có Phụ lục Danh mục các nhiệm vụ kèm theo).",
        "III. KINH PHÍ THỰC HIỆN",
        "Nguồn kinh phí thực hiện Kế hoạch năm 2025 bao gồm:",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Sở Công Thương (cơ quan chủ trì)",
        "12. Đề nghị các Hiệp hội ngành nghề, Hiệp hội các nhà bán lẻ, Hiệp hội bảo vệ người tiêu dùng, Liên minh"
            + " Hợp tác xã, các hiệp hội, tổ chức đoàn thể xã hội trên địa bàn Thành phố, cộng đồng và các cá nhân:",
        "Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan đơn vị kịp thời phản ánh gửi Sở Công Thương tổng"
            + " hợp, báo cáo UBND Thành phố, Bộ Công Thương xem xét, giải quyết theo thẩm quyền./.");
    assertThat(paragraphs.stream().filter(p -> p.matches("^[IVX]+\\. .*"))).containsExactly(
        "I. MỤC TIÊU, YÊU CẦU", "II. NỘI DUNG", "III. KINH PHÍ THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN");
    // The seed states its reporting regime inside part IV; nothing is added after its "./.".
    assertThat(paragraphs).noneMatch(p -> p.contains("CHẾ ĐỘ BÁO CÁO") || p.contains("nghiêm túc triển khai"));

    List<List<String>> signature = DocxContent.rows(plan.tables().get(1));
    assertThat(signature).hasSize(1);
    assertThat(signature.get(0).get(0)).isEqualTo(String.join("\n", "Nơi nhận:",
        "- Bộ Công Thương (để b/c);", "- Chủ tịch UBND Thành phố;", "- PCT UBND TP Nguyễn Mạnh Quyền;",
        "- Các đơn vị có tên tại Mục IV;", "- VPUB: CVP, PCVP Đ.Q.Hùng, KTN, KGVX, TNMT, KSTTHC, NC, TH;",
        "- Lưu: VT, KTN."));
    assertThat(signature.get(0).get(1)).isEqualTo("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\n\nLê Mạnh Quân");

    // Nghị định 30: Times New Roman throughout; 13–14 pt, the Nơi nhận 12 and 11 pt; portrait, then landscape.
    assertThat(plan.fonts()).containsExactly("Times New Roman");
    assertThat(plan.fontSizes()).isSubsetOf(11.0, 12.0, 13.0, 14.0);
    assertThat(plan.run("KẾ HOẠCH").isBold()).isTrue();
    assertThat(plan.run("KẾ HOẠCH").getFontSizeAsDouble()).isEqualTo(14.0);
    assertThat(plan.run("Nơi nhận:").getFontSizeAsDouble()).isEqualTo(12.0);
    assertThat(plan.run("Nơi nhận:").isItalic()).isTrue();
    assertThat(plan.run("Lê Mạnh Quân").isBold()).isTrue();
    assertThat(plan.orientations()).containsExactly("portrait", "landscape");
  }

  /**
   * Once issued, the plan is a record: the lead unit renamed in the organization afterwards, the
   * .docx is still the one the clerk issued, byte for byte (its preamble names the unit as it was
   * called then), and the PDF, once rendered, is served as kept (a second rendering would differ
   * in its creation time and identifiers).
   */
  private void assertIssuedDocumentNeverChanges() {
    byte[] issued = documentBytes("stnmt.chuyenvien", "/api/plans/" + CODE + "/document");
    String renamed = """
        {"units": [{"code": "hn-sct", "name": "Sở Công Thương thành phố Hà Nội", "kind": "DEPARTMENT",
                    "parent": "hn-ubnd", "symbol": "SCT"}], "officials": []}""";
    String restored = """
        {"units": [{"code": "hn-sct", "name": "Sở Công Thương", "kind": "DEPARTMENT", "parent": "hn-ubnd",
                    "symbol": "SCT"}], "officials": []}""";
    assertThat(as("admin").send(HttpMethod.POST, "/api/org", renamed, MediaType.APPLICATION_JSON).getStatusCode()
        .is2xxSuccessful()).isTrue();
    try {
      assertThat(as("admin").getJson("/api/org/units/hn-sct").get("unit").get("name").asText())
          .isEqualTo("Sở Công Thương thành phố Hà Nội");
      byte[] later = documentBytes("sct.chuyenvien", "/api/plans/" + CODE + "/document");
      assertThat(IssuedDocuments.sha256(later)).as("the issued .docx, byte for byte").isEqualTo(IssuedDocuments.sha256(issued));
      assertThat(new DocxContent(later).paragraphs()).anyMatch(p -> p.contains("Xét đề nghị của Sở Công Thương tại"));
      if (pdfRenderer.available() && PdfTools.installed()) {
        byte[] pdf = documentBytes("sct.chuyenvien", "/api/plans/" + CODE + "/document.pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(IssuedDocuments.sha256(documentBytes("stnmt.chuyenvien", "/api/plans/" + CODE + "/document.pdf")))
            .as("the kept PDF, not a new rendering").isEqualTo(IssuedDocuments.sha256(pdf));
        PdfTools.keep("document-" + CODE + "-issued", pdf);
        // The Tờ trình and the vote record open as PDF too, with their Vietnamese text.
        for (String[] other : new String[][] {{"submission", "TỜ TRÌNH"}, {"vote-record", "BIÊN BẢN KIỂM PHIẾU"}}) {
          java.nio.file.Path file = PdfTools.keep(other[0] + "-" + CODE,
              documentBytes("hn.vanphong", "/api/plans/" + CODE + "/" + other[0] + ".pdf"));
          assertThat(String.join("\n", PdfTools.pageTexts(file))).as(other[0]).contains(other[1]);
        }
      }
    } finally {
      assertThat(as("admin").send(HttpMethod.POST, "/api/org", restored, MediaType.APPLICATION_JSON).getStatusCode()
          .is2xxSuccessful()).isTrue();
    }
  }

  private byte[] documentBytes(String user, String path) {
    ResponseEntity<byte[]> response = rest.withBasicAuth(user, "demo").getForEntity(path, byte[].class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** The PHỤ LỤC: its heading, then every row of the uploaded spreadsheet, in order, text for text. */
  private static void assertAppendixIs(DocxContent plan, List<AppendixRow> seed, String reference) {
    List<String> lines = plan.textLines();
    assertThat(lines).containsSubsequence("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "PHỤ LỤC",
        "Danh mục các nhiệm vụ thuộc Kế hoạch thực hiện Chương trình hành động quốc gia về Sản xuất và tiêu dùng bền"
            + " vững năm 2025 trên địa bàn thành phố Hà Nội",
        reference);
    List<XWPFTable> tables = plan.tables();
    List<List<String>> rows = DocxContent.rows(tables.get(tables.size() - 1));
    List<List<String>> cells = seed.stream().map(row -> List.of(row.no(), text(row.name()), text(row.content()),
        text(row.target()), row.leadUnit(), String.join("; ", row.coordinatingUnits()), text(row.product()),
        text(row.timeframe()), text(row.budgetSource()))).toList();
    // Hà Nội's plan fills Nội dung, Mục tiêu and Kinh phí, so every column is printed (Sản phẩm, empty
    // here, is one of the six every appendix has).
    List<Integer> columns = PlanDocument.appendixColumns(cells);
    assertThat(columns).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(columns.stream().map(PlanDocument.APPENDIX_COLUMNS::get)).containsExactly("TT", "Nhiệm vụ",
        "Nội dung", "Mục tiêu", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian thực hiện", "Kinh phí");
    List<List<String>> expected = new ArrayList<>();
    expected.add(columns.stream().map(PlanDocument.APPENDIX_COLUMNS::get).toList());
    String group = null;
    int groups = 0;
    for (int i = 0; i < seed.size(); i++) {
      if (!seed.get(i).group().equals(group)) {
        group = seed.get(i).group();
        expected.add(List.of(DocumentTexts.roman(++groups), group));
      }
      List<String> row = cells.get(i);
      expected.add(columns.stream().map(row::get).toList());
    }
    assertThat(rows).containsExactlyElementsOf(expected);
    assertThat(rows.stream().filter(r -> r.size() > 2).skip(1)).hasSize(13);
    assertThat(groups).isEqualTo(3);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  /** The outgoing registers of UBND thành phố and of Sở Công Thương for 2022, as JSON and as a workbook. */
  private void assertRegister(String number, String submissionNumber) throws Exception {
    JsonNode register = as("hn.vanthu").getJson("/api/registers/hn-ubnd/2022");
    assertThat(register.get("issuerName").asText()).isEqualTo("Ủy ban nhân dân thành phố Hà Nội");
    assertThat(register.get("entries")).anySatisfy(entry -> {
      assertThat(entry.get("number").asText()).isEqualTo(number);
      assertThat(entry.get("issuedOn").asText()).isEqualTo("2022-11-11");
      assertThat(entry.get("type").asText()).isEqualTo("KH");
      assertThat(entry.get("signer").asText()).isEqualTo("Lê Mạnh Quân");
      assertThat(entry.get("typeAndSummary").asText()).startsWith("Kế hoạch thực hiện Chương trình hành động quốc gia");
      // Phụ lục IV: Nơi nhận one per line; the bản lưu in its own column; a copy for each of both.
      assertThat(entry.get("recipients").asText()).isEqualTo(String.join("\n", "Bộ Công Thương (để b/c)",
          "Chủ tịch UBND Thành phố", "PCT UBND TP Nguyễn Mạnh Quyền", "Các đơn vị có tên tại Mục IV",
          "VPUB: CVP, PCVP Đ.Q.Hùng, KTN, KGVX, TNMT, KSTTHC, NC, TH"));
      assertThat(entry.get("archive").asText()).isEqualTo("VT, KTN");
      assertThat(entry.get("copies").asInt()).isEqualTo(7);
      assertThat(entry.get("planCode").asText()).isEqualTo(CODE);
    });
    // The department's own register (its Tờ trình): read by its officials, not the city's clerk.
    assertThat(as("hn.vanthu").get("/api/registers/hn-sct/2022").getStatusCode().value()).isEqualTo(403);
    assertThat(as("sct.vanthu").getJson("/api/registers/hn-sct/2022").get("entries")).anySatisfy(entry -> {
      assertThat(entry.get("number").asText()).isEqualTo(submissionNumber);
      assertThat(entry.get("recipients").asText()).isEqualTo("Ủy ban nhân dân thành phố Hà Nội");
      assertThat(entry.get("archive").asText()).isEqualTo("VT, SCT");
    });

    HttpHeaders accept = new HttpHeaders();
    accept.setAccept(List.of(DocumentController.XLSX));
    ResponseEntity<byte[]> byAccept = rest.withBasicAuth("hn.vanthu", "demo").exchange("/api/registers/hn-ubnd/2022",
        HttpMethod.GET, new HttpEntity<>(accept), byte[].class);
    ResponseEntity<byte[]> byFormat = rest.withBasicAuth("hn.vanthu", "demo")
        .getForEntity("/api/registers/hn-ubnd/2022?format=xlsx", byte[].class);
    for (ResponseEntity<byte[]> response : List.of(byAccept, byFormat)) {
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(response.getHeaders().getContentType().equalsTypeAndSubtype(DocumentController.XLSX)).isTrue();
      try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
        Sheet sheet = workbook.getSheetAt(0);
        DataFormatter cells = new DataFormatter();
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("SỔ ĐĂNG KÝ VĂN BẢN ĐI");
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
            .isEqualTo("Cơ quan, tổ chức: ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI");
        assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Năm 2022");
        Row header = sheet.getRow(RegisterWorkbook.HEADER_ROW);
        List<String> names = new ArrayList<>();
        header.forEach(cell -> names.add(cell.getStringCellValue()));
        assertThat(names).containsExactly("Số, ký hiệu văn bản", "Ngày, tháng văn bản",
            "Tên loại và trích yếu nội dung văn bản", "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu",
            "Số lượng bản", "Ghi chú");
        List<List<String>> entries = new ArrayList<>();
        for (int r = RegisterWorkbook.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
          List<String> values = new ArrayList<>();
          for (int c = 0; c < 7; c++) {
            values.add(cells.formatCellValue(sheet.getRow(r).getCell(c)));
          }
          entries.add(values);
        }
        assertThat(entries).contains(List.of(number, "11/11/2022", "Kế hoạch thực hiện Chương trình hành động quốc"
            + " gia về Sản xuất và tiêu dùng bền vững năm 2025 trên địa bàn thành phố Hà Nội", "Lê Mạnh Quân",
            "Bộ Công Thương (để b/c)\nChủ tịch UBND Thành phố\nPCT UBND TP Nguyễn Mạnh Quyền\nCác đơn vị có tên tại"
                + " Mục IV\nVPUB: CVP, PCVP Đ.Q.Hùng, KTN, KGVX, TNMT, KSTTHC, NC, TH", "VT, KTN", "7"));
      }
    }
  }
}
