package vn.planflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.Plan;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;
import vn.planflow.plan.PlanRequest;
import vn.planflow.plan.PlanService;

/**
 * The Yên Hòa ward 2026 plan (the second seed) and a small city plan signed by the chair, taken
 * through approval inside the engine as the demo officials, and their documents read back.
 */
@PlanflowIntegrationTest
class WardPlanDocumentsTest {

  @Autowired PdfRenderer pdfRenderer;
  @Autowired PlanApprovalDriver driver;
  @Autowired vn.planflow.org.CommitteeRules committeeRules;
  @Autowired PlanService plans;
  @Autowired ObjectMapper json;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** The seed's plan as the demo loads it, under another code. */
  private Plan createWardSeedPlan(String code) throws Exception {
    String text = new ClassPathResource("demo/yen-hoa-2026-plan.json").getContentAsString(StandardCharsets.UTF_8)
        .replace("\"KH-SXTDBV-YH-2026\"", "\"" + code + "\"");
    PlanRequest request = json.readValue(text, PlanRequest.class);
    return driver.as("kt.chuyenvien", () -> plans.create(request, "kt.chuyenvien"));
  }

  private byte[] get(String user, String path) {
    ResponseEntity<byte[]> response = rest.withBasicAuth(user, "demo").getForEntity(path, byte[].class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private void vote(String code, String member) {
    driver.completeTask(driver.openTasks(code, PlanApproval.CAST_VOTE).stream()
        .filter(t -> member.equals(t.getAssignee())).findFirst().orElseThrow(), member, vars("vote", "AGREE"));
  }

  @Test
  void theWardSeedPlanIsIssuedAsTheSeedReads() throws Exception {
    String code = "KH-SXTDBV-YH-2026-VB";
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-01-05 09:00:00"));
    createWardSeedPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "kt.chuyenvien", vars("consultedUnits", List.of("yh-pvhxh")));
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "kt.truongphong", vars("approved", true));
    driver.complete(code, PlanApproval.GIVE_OPINION, "vhxh.chuyenvien", vars("opinion", "AGREE"));
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "kt.chuyenvien", vars("reconsult", false));
    driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "kt.truongphong", vars("approved", true));
    // Four of seven agree: the ward's rules here close voting early once that decides it.
    committeeRules.closeVotingEarly("yh-ubnd", true);
    try {
      driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "yh.vanphong",
          vars("decision", "VOTE_SLIP", "signer", "yh.pct1", "voteDays", 2));
    } finally {
      committeeRules.restoreDefaults();
    }
    for (String member : List.of("yh.chutich", "yh.pct1", "yh.pct2", "kt.truongphong")) {
      vote(code, member);
    }

    // The signer, logged into Tasklist, follows the form's link with the same browser session.
    String link = (String) taskService.getVariableLocal(driver.task(code, PlanApproval.SIGN_PLAN).getId(),
        DocumentLinks.PLAN_DOCUMENT);
    HttpResponse<byte[]> fromTasklist = fromTasklistSession("yh.pct1", link);
    assertThat(fromTasklist.statusCode()).isEqualTo(200);
    assertThat(fromTasklist.headers().firstValue("Content-Type").orElseThrow()).startsWith(DocumentController.DOCX.toString());
    assertThat(new DocxContent(fromTasklist.body()).paragraphs().get(0)).isEqualTo("DỰ THẢO");

    driver.complete(code, PlanApproval.SIGN_PLAN, "yh.pct1", vars("decision", "SIGN"));
    driver.complete(code, PlanApproval.ISSUE_PLAN, "yh.vanthu", vars());
    Plan issued = driver.plan(code);

    byte[] bytes = get("htx-yenhoa.chunhiem", "/api/plans/" + code + "/document");
    DocumentFiles.keep("document-" + code, bytes);
    DocxContent plan = new DocxContent(bytes);
    assertThat(DocxContent.rows(plan.tables().get(0))).containsExactly(
        List.of("ỦY BAN NHÂN DÂN\nPHƯỜNG YÊN HÒA\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"),
        List.of("Số: " + issued.getNumber(), "Yên Hòa, ngày 05 tháng 01 năm 2026"));
    List<String> paragraphs = plan.paragraphs();
    assertThat(paragraphs).startsWith("KẾ HOẠCH",
        "Thực hiện Chương trình hành động quốc gia về Sản xuất và tiêu dùng bền vững năm 2026 trên địa bàn phường"
            + " Yên Hòa",
        "Thực hiện Kế hoạch số 353/KH-SCT ngày 19/12/2025 của Sở Công Thương về thực hiện Chương trình hành động"
            + " quốc gia về Sản xuất và tiêu dùng bền vững năm 2026 trên địa bàn thành phố Hà Nội. Xét đề nghị của"
            + " Phòng Kinh tế, Hạ tầng và Đô thị tại Tờ trình số " + issued.getSubmissionNumber() + " ngày 05/01/2026"
            + " và ý kiến thống nhất của các Thành viên UBND phường Yên Hòa (bằng Phiếu biểu quyết),"
            + " UBND phường Yên Hòa ban hành Kế hoạch thực hiện Chương trình hành động quốc gia về Sản xuất và tiêu"
            + " dùng bền vững năm 2026 trên địa bàn phường Yên Hòa với các nội dung như sau:");
    assertThat(paragraphs.stream().filter(p -> p.matches("^[IVX]+\\. .*"))).containsExactly(
        "I. MỤC TIÊU, YÊU CẦU", "II. NỘI DUNG", "III. KINH PHÍ THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN",
        "V. CHẾ ĐỘ BÁO CÁO");
    // Part IV is composed from the appendix, unit by unit, as the seed has it.
    assertThat(paragraphs).containsSubsequence(
        "4. Phấn đấu đến hết năm 2026 đạt các chỉ tiêu:",
        "4.1. Tổ chức tuyên truyền phổ biến nâng cao nhận thức về lối sống, tiêu dùng bền vững đạt 100%.",
        "1. Đẩy mạnh truyền thông về sản xuất và tiêu dùng bền vững:",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Phòng Kinh tế, Hạ tầng và Đô thị (cơ quan chủ trì)",
        "- Chủ trì, phối hợp với các cơ quan, đơn vị liên quan triển khai thực hiện Kế hoạch; theo dõi, đôn đốc,"
            + " kiểm tra; tổng hợp kết quả thực hiện, báo cáo UBND phường Yên Hòa theo quy định.",
        "- Chủ trì thực hiện nhiệm vụ 2 tại Phụ lục: Hướng dẫn, đôn đốc doanh nghiệp trên địa bàn cam kết phòng"
            + " chống, giảm thiểu rác thải nhựa và túi nilon; phối hợp kiểm tra việc chấp hành pháp luật về môi"
            + " trường. Thời gian thực hiện: Quý II - IV/2026.",
        "- Phối hợp thực hiện các nhiệm vụ 3, 5, 6 tại Phụ lục.",
        "2. Phòng Văn hóa - Xã hội",
        "3. Hợp tác xã Thương mại - Dịch vụ chợ Yên Hòa",
        "4. Hợp tác xã Dịch vụ chợ Trung Hòa",
        "5. Công an phường Yên Hòa",
        "- Phối hợp thực hiện nhiệm vụ 2 tại Phụ lục.",
        "V. CHẾ ĐỘ BÁO CÁO",
        "Căn cứ Kế hoạch của UBND phường, các phòng ban, ngành, cơ quan đơn vị tổ chức triển khai thực hiện, báo"
            + " cáo UBND phường (qua phòng Kinh tế, Hạ tầng và Đô thị) kết quả thực hiện 06 tháng, hằng năm (trước"
            + " ngày 15/6 và 15/12) hoặc đột xuất khi có yêu cầu.",
        "UBND phường Yên Hòa yêu cầu các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện Kế hoạch này./.");
    List<String> signature = DocxContent.rows(plan.tables().get(1)).get(0);
    assertThat(signature.get(0)).isEqualTo(String.join("\n", "Nơi nhận:", "- Sở Công Thương;",
        "- TT Đảng ủy, HĐND phường;", "- Lãnh đạo UBND phường;", "- Các phòng, ban, đơn vị thuộc phường;",
        "- Các HTX, đơn vị QLKD khai thác chợ;", "- Lưu: VT, KTHTĐT."));
    assertThat(signature.get(1)).isEqualTo("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\n\nVũ Minh Dũng");

    List<List<String>> appendix = DocxContent.rows(plan.tables().get(plan.tables().size() - 1));
    assertThat(appendix).hasSize(1 + 2 + 6);
    assertThat(appendix.get(1)).containsExactly("I", "Đẩy mạnh truyền thông về sản xuất và tiêu dùng bền vững");
    assertThat(appendix.get(2)).containsExactly("1",
        "Tham mưu UBND phường ban hành kế hoạch, phân công nhiệm vụ; tổ chức hội nghị tuyên truyền, tập huấn về"
            + " giảm thiểu rác thải nhựa trong sản xuất công nghiệp và phân phối tiêu dùng",
        "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa - Xã hội; Các phòng ban của Sở Công Thương", "",
        "Năm 2026", "Ngân sách phường");
    assertThat(appendix.get(6)).containsExactly("II", "Phát triển mạng lưới phân phối bền vững");
    assertThat(appendix.get(0)).containsExactly("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm",
        "Thời gian thực hiện", "Kinh phí");
    assertThat(appendix.get(8).get(2)).isEqualTo("Hợp tác xã Dịch vụ chợ Trung Hòa");
    assertThat(plan.textLines()).contains("(Kèm theo Kế hoạch số " + issued.getNumber()
        + " ngày 05/01/2026 của UBND phường Yên Hòa)");
    // Diacritics survive as typed (precomposed, NFC), in Times New Roman.
    assertThat(plan.textLines()).allMatch(line -> Normalizer.isNormalized(line, Normalizer.Form.NFC));
    assertThat(plan.fonts()).containsExactly("Times New Roman");
  }

  @Test
  void theChairSignsForTheCommitteeAndAPlanWithoutReportingPartGetsOne() {
    String code = "KH-TEST-VB-CHAIR";
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-02-03 10:00:00"));
    driver.createCityPlan(code);
    driver.complete(code, PlanApproval.DRAFT_PLAN, "sct.chuyenvien", vars("consultedUnits", List.of("hn-stnmt")));
    driver.complete(code, PlanApproval.REVIEW_DRAFT, "sct.phogiamdoc", vars("approved", true));
    driver.complete(code, PlanApproval.GIVE_OPINION, "stnmt.chuyenvien", vars("opinion", "AGREE"));
    driver.complete(code, PlanApproval.SYNTHESIZE_OPINIONS, "sct.chuyenvien", vars("reconsult", false));
    driver.complete(code, PlanApproval.APPROVE_SUBMISSION, "sct.giamdoc", vars("approved", true));
    // Eight of fifteen agree below: the city's rules here close voting early once that decides it.
    committeeRules.closeVotingEarly("hn-ubnd", true);
    try {
      driver.complete(code, PlanApproval.REVIEW_SUBMISSION, "hn.vanphong",
          vars("decision", "VOTE_SLIP", "signer", "hn.chutich"));
    } finally {
      committeeRules.restoreDefaults();
    }
    // The vote record while slips are still out.
    DocxContent open = new DocxContent(get("hn.vanphong", "/api/plans/" + code + "/vote-record"));
    assertThat(open.paragraphs()).anyMatch(p -> p.startsWith("Việc lấy phiếu chưa kết thúc")
        && p.endsWith("Đồng ý: 0/15 thành viên (0%); không đồng ý: 0; ý kiến khác: 0; không gửi phiếu: 15."));
    for (String member : List.of("hn.chutich", "hn.pct1", "hn.pct2", "hn.pct3", "hn.pct4", "hn.cvp", "sct.giamdoc",
        "stnmt.giamdoc")) {
      vote(code, member);
    }
    driver.complete(code, PlanApproval.SIGN_PLAN, "hn.chutich", vars("decision", "SIGN"));
    driver.complete(code, PlanApproval.ISSUE_PLAN, "hn.vanthu", vars());

    DocxContent plan = new DocxContent(get("sct.chuyenvien", "/api/plans/" + code + "/document"));
    assertThat(DocxContent.rows(plan.tables().get(0)).get(1).get(1)).isEqualTo("Hà Nội, ngày 03 tháng 02 năm 2026");
    assertThat(DocxContent.rows(plan.tables().get(1)).get(0).get(1))
        .isEqualTo("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\n\n\nNguyễn Văn Phong");
    assertThat(plan.paragraphs()).containsSubsequence(
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Sở Công Thương (cơ quan chủ trì)",
        "2. Ủy ban nhân dân phường Yên Hòa",
        "- Chủ trì thực hiện nhiệm vụ 2 tại Phụ lục: Triển khai Kế hoạch trên địa bàn phường Yên Hòa. Thời gian"
            + " thực hiện: Năm 2026.",
        "3. Sở Thông tin và Truyền thông",
        "- Phối hợp thực hiện nhiệm vụ 1 tại Phụ lục.",
        "V. CHẾ ĐỘ BÁO CÁO",
        "Các cơ quan, đơn vị được giao nhiệm vụ tại Kế hoạch này tổ chức triển khai thực hiện, báo cáo UBND thành"
            + " phố Hà Nội (qua Sở Công Thương) kết quả thực hiện 06 tháng, hằng năm (trước ngày 15/6 và 15/12) hoặc"
            + " đột xuất khi có yêu cầu.",
        "UBND thành phố Hà Nội yêu cầu các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện Kế hoạch này./.");
  }

  /**
   * A drafter who types as people do: targets coded "T1", "T2" in lower case without full stops,
   * a Nơi nhận with stray marks and no "Lưu:", and a section that ends with its own "./." before
   * the parts that follow it. The document still reads as Phụ lục I writes it.
   */
  @Test
  void aLooselyTypedDraftIsPrintedAsNghiDinh30Writes() throws Exception {
    String code = "KH-SXTDBV-YH-2026-LOOSE";
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-01-06 09:00:00"));
    com.fasterxml.jackson.databind.node.ObjectNode plan = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
        new ClassPathResource("demo/yen-hoa-2026-plan.json").getContentAsString(StandardCharsets.UTF_8));
    plan.put("code", code);
    plan.set("targets", json.readTree("""
        [{"code": "T1", "text": "tổ chức tuyên truyền về lối sống bền vững đạt 100%"},
         {"code": "T2", "text": "100% chợ không dùng túi nilon khó phân hủy;"}]"""));
    plan.set("recipients", json.readTree("""
        ["- Sở Công Thương; (để b/c)", "Lãnh đạo UBND phường,", "  Các phòng, ban, đơn vị thuộc phường."]"""));
    plan.set("sections", json.readTree("""
        [{"heading": "II. NỘI DUNG", "body": "Đẩy mạnh truyền thông về sản xuất và tiêu dùng bền vững./."}]"""));
    PlanRequest request = json.treeToValue(plan, PlanRequest.class);
    driver.as("kt.chuyenvien", () -> plans.create(request, "kt.chuyenvien"));

    byte[] bytes = get("kt.chuyenvien", "/api/plans/" + code + "/document");
    DocumentFiles.keep("document-" + code, bytes);
    DocxContent draft = new DocxContent(bytes);

    assertThat(draft.paragraphs()).containsSubsequence(
        "Phấn đấu đến hết năm 2026 đạt các chỉ tiêu:",
        "- Tổ chức tuyên truyền về lối sống bền vững đạt 100%.",
        "- 100% chợ không dùng túi nilon khó phân hủy.",
        "II. NỘI DUNG",
        "Đẩy mạnh truyền thông về sản xuất và tiêu dùng bền vững.",
        "UBND phường Yên Hòa yêu cầu các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện Kế hoạch này./.");
    assertThat(draft.lines()).noneMatch(line -> line.contains("T1") || line.contains("T2"));
    assertThat(draft.closingMarks()).isEqualTo(1);
    assertThat(draft.ruledUnder("Thực hiện Chương trình hành động quốc gia về Sản xuất và tiêu dùng bền vững năm"
        + " 2026 trên địa bàn phường Yên Hòa")).isTrue();
    assertThat(DocxContent.rows(draft.tables().get(1)).get(0).get(0)).isEqualTo(String.join("\n", "Nơi nhận:",
        "- Sở Công Thương (để b/c);", "- Lãnh đạo UBND phường;", "- Các phòng, ban, đơn vị thuộc phường;",
        "- Lưu: VT, KTHTĐT."));
  }

  /**
   * Every document is also a PDF/A-2b, rendered by LibreOffice: at {@code …/document.pdf} and for
   * {@code Accept: application/pdf}; fonts embedded; the text (with its diacritics) as in the
   * .docx; portrait pages then the landscape appendix; no empty page.
   */
  @Test
  void thePlanIsAlsoAPdfA2bWithItsFontsEmbedded() throws Exception {
    assumeTrue(pdfRenderer.available() && PdfTools.installed(),
        "LibreOffice or poppler-utils is not installed here: the PDF rendering is not checked (.ci/run installs"
            + " libreoffice-writer-nogui and poppler-utils)");
    String code = "KH-SXTDBV-YH-2026-PDF";
    createWardSeedPlan(code);

    byte[] pdf = get("kt.chuyenvien", "/api/plans/" + code + "/document.pdf");
    HttpHeaders accept = new HttpHeaders();
    accept.setAccept(List.of(MediaType.APPLICATION_PDF));
    ResponseEntity<byte[]> negotiated = rest.withBasicAuth("kt.chuyenvien", "demo").exchange(
        "/api/plans/" + code + "/document", HttpMethod.GET, new HttpEntity<>(accept), byte[].class);
    assertThat(negotiated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(negotiated.getHeaders().getContentType().equalsTypeAndSubtype(MediaType.APPLICATION_PDF)).isTrue();
    assertThat(new String(negotiated.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    Path file = PdfTools.keep("document-" + code, pdf);
    // PDF/A-2b, said in the XMP metadata that archives read.
    String raw = new String(pdf, StandardCharsets.ISO_8859_1);
    assertThat(raw).containsPattern("pdfaid:part(=\"|>)2").containsPattern("pdfaid:conformance(=\"|>)B");
    List<List<String>> fonts = PdfTools.fonts(file);
    assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font).as("embedded: %s", font).contains("yes"));
    // Every glyph in Times New Roman or its metric twin: a letter such as "ạ" drawn from a fallback
    // font (Liberation 1.x has no Vietnamese; fonts-liberation2 does) is a defect on paper.
    assertThat(fonts).allSatisfy(font -> assertThat(font.get(0)).containsAnyOf("TimesNewRoman", "LiberationSerif"));
    List<String> pages = PdfTools.pageTexts(file);
    assertThat(pages).allSatisfy(text -> assertThat(text.strip()).as("no empty page").isNotEmpty());
    String all = String.join("\n", pages);
    assertThat(all).contains("KẾ HOẠCH", "ỦY BAN NHÂN DÂN", "PHƯỜNG YÊN HÒA", "Độc lập - Tự do - Hạnh phúc",
        "PHỤ LỤC", "Nơi nhận:");
    List<String> sizes = PdfTools.pageSizes(file);
    assertThat(sizes.get(0)).isEqualTo("595 x 842");
    assertThat(sizes.get(sizes.size() - 1)).isEqualTo("842 x 595");
    PdfTools.png(file, 1, "document-" + code + "-page1");
  }

  @Test
  void withoutLibreOfficeAPdfIsRefusedWithAClearMessageAndTheDocxStays() {
    PdfRenderer nowhere = new PdfRenderer("/nonexistent/libreoffice");
    assertThat(nowhere.available()).isFalse();
    assertThatThrownBy(() -> nowhere.toPdf(new byte[] {1}))
        .isInstanceOf(vn.planflow.system.UnavailableException.class)
        .hasMessageContaining("chưa cài LibreOffice").hasMessageContaining(".docx vẫn tải được");
  }

  /** Logs into Tasklist as the official would, then follows a link in the same browser session. */
  private HttpResponse<byte[]> fromTasklistSession(String user, String link) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    return browser.send(HttpRequest.newBuilder(uri(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
