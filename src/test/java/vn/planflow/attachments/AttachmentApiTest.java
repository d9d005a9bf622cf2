package vn.planflow.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;
import vn.planflow.plan.PlanApproval;
import vn.planflow.plan.PlanApprovalDriver;

/**
 * Files attached to a plan through {@code /api/plans/{code}/attachments}: who may upload and read
 * them, the limits and the type checks, names with diacritics, append-only with withdrawal.
 */
@PlanflowIntegrationTest
class AttachmentApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired PlanApprovalDriver driver;

  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  private OfficialClient as(String user) {
    return OfficialClient.demo(rest, json, user);
  }

  static byte[] docx() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>".getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  static ResponseEntity<String> upload(TestRestTemplate rest, String user, String plan, String name, byte[] content,
      Map<String, String> fields) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    fields.forEach(body::add);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").exchange("/api/plans/" + plan + "/attachments", HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }

  private JsonNode problem(ResponseEntity<String> response, HttpStatus status) throws IOException {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    return json.readTree(response.getBody());
  }

  @Test
  void theDrafterAttachesAWordFileWhoseVietnameseNameComesBackOnDownload() throws IOException {
    driver.createWardPlan("KH-TEST-DK-TEN");
    byte[] content = docx();
    String name = "Dự thảo Kế hoạch — phường Yên Hòa (bản 2).docx";
    ResponseEntity<String> created = upload(rest, "kt.chuyenvien", "KH-TEST-DK-TEN", name, content,
        Map.of("note", "Bản sửa theo ý kiến Phòng Văn hóa"));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode saved = json.readTree(created.getBody());
    assertThat(saved.get("name").asText()).isEqualTo(name);
    assertThat(saved.get("size").asLong()).isEqualTo(content.length);
    assertThat(saved.get("sha256").asText()).isEqualTo(Attachments.sha256(content));
    assertThat(saved.get("uploadedByName").asText()).isEqualTo("Phạm Thị Hạnh");
    assertThat(saved.get("uploadedByUnitName").asText()).isEqualTo("Phòng Kinh tế, Hạ tầng và Đô thị");
    assertThat(saved.get("step").asText()).isEqualTo(driver.task("KH-TEST-DK-TEN", PlanApproval.DRAFT_PLAN).getName());
    assertThat(saved.get("type").asText()).isEqualTo(FileTypes.DOCX.mediaType());
    assertThat(created.getHeaders().getLocation().getPath()).isEqualTo(saved.get("downloadUrl").asText());

    ResponseEntity<byte[]> download = rest.withBasicAuth("kt.phophong", "demo")
        .getForEntity(saved.get("downloadUrl").asText(), byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(content);
    assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.getHeaders().getContentType().equalsTypeAndSubtype(MediaType.parseMediaType(FileTypes.DOCX.mediaType())))
        .isTrue();
    String disposition = download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
    assertThat(disposition).startsWith("attachment");
    String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
    assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(name);

    JsonNode plan = as("kt.phophong").getJson("/api/plans/KH-TEST-DK-TEN");
    assertThat(plan.get("attachments")).hasSize(1);
    JsonNode listed = plan.get("attachments").get(0);
    assertThat(listed.get("name").asText()).isEqualTo(name);
    assertThat(listed.get("sizeText").asText()).endsWith("byte");
    assertThat(listed.get("uploadedAtText").asText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
    assertThat(listed.get("note").asText()).isEqualTo("Bản sửa theo ý kiến Phòng Văn hóa");
    assertThat(listed.get("downloadUrl").asText()).isEqualTo(saved.get("downloadUrl").asText());
  }

  @Test
  void onlyAllowedKindsWhoseContentMatchesTheirNameAreAccepted() throws IOException {
    driver.createWardPlan("KH-TEST-DK-LOAI");
    byte[] executable = "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
    JsonNode renamed = problem(upload(rest, "kt.chuyenvien", "KH-TEST-DK-LOAI", "to-trinh.pdf", executable, Map.of()),
        HttpStatus.BAD_REQUEST);
    assertThat(renamed.get("errors").get(0).get("field").asText()).isEqualTo("file");
    assertThat(renamed.get("detail").asText()).contains("không phải là tệp pdf");

    JsonNode exe = problem(upload(rest, "kt.chuyenvien", "KH-TEST-DK-LOAI", "setup.exe", executable, Map.of()),
        HttpStatus.BAD_REQUEST);
    assertThat(exe.get("detail").asText()).contains("không được phép").contains("pdf, doc, docx");

    JsonNode html = problem(upload(rest, "kt.chuyenvien", "KH-TEST-DK-LOAI", "bang-so-lieu.xlsx",
        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), Map.of()), HttpStatus.BAD_REQUEST);
    assertThat(html.get("errors").get(0).get("field").asText()).isEqualTo("file");

    JsonNode empty = problem(upload(rest, "kt.chuyenvien", "KH-TEST-DK-LOAI", "trong.pdf", new byte[0], Map.of()),
        HttpStatus.BAD_REQUEST);
    assertThat(empty.get("errors").get(0).get("field").asText()).isEqualTo("file");

    JsonNode longNote = problem(upload(rest, "kt.chuyenvien", "KH-TEST-DK-LOAI", "ok.pdf", PDF,
        Map.of("note", "x".repeat(2001))), HttpStatus.BAD_REQUEST);
    assertThat(longNote.get("errors").get(0).get("field").asText()).isEqualTo("note");

    byte[] csv = "TT,Tên nhiệm vụ\n1,Tuyên truyền\n".getBytes(StandardCharsets.UTF_8);
    assertThat(upload(rest, "kt.chuyenvien", "KH-TEST-DK-LOAI", "so-lieu.csv", csv, Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(upload(rest, "kt.chuyenvien", "KH-TEST-DK-LOAI", "ban-chup.PDF", PDF, Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    // Nothing half-written: only the two accepted files are there.
    assertThat(as("kt.chuyenvien").getJson("/api/plans/KH-TEST-DK-LOAI/attachments").get("attachments"))
        .extracting(a -> a.get("name").asText()).containsExactly("so-lieu.csv", "ban-chup.PDF");
  }

  @Test
  void aFileOverTenMegabytesIsA413NamingTheFile() throws IOException {
    driver.createWardPlan("KH-TEST-DK-LON");
    byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
    JsonNode tooLarge = problem(upload(rest, "kt.chuyenvien", "KH-TEST-DK-LON", "ban-chup.pdf", large, Map.of()),
        HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(tooLarge.get("errors").get(0).get("field").asText()).isEqualTo("file");
    byte[] justRight = Arrays.copyOf(PDF, 10 * 1024 * 1024);
    assertThat(upload(rest, "kt.chuyenvien", "KH-TEST-DK-LON", "ban-chup.pdf", justRight, Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(as("kt.chuyenvien").getJson("/api/plans/KH-TEST-DK-LON/attachments").get("attachments")).hasSize(1);
  }

  @Test
  void anotherUnitsOfficialNeitherReadsNorUploadsAndAReaderWithoutATaskOnlyReads() throws IOException {
    driver.createWardPlan("KH-TEST-DK-QUYEN");
    ResponseEntity<String> created = upload(rest, "kt.chuyenvien", "KH-TEST-DK-QUYEN", "du-thao.pdf", PDF, Map.of());
    String url = json.readTree(created.getBody()).get("downloadUrl").asText();

    assertThat(as("sct.chuyenvien").get("/api/plans/KH-TEST-DK-QUYEN/attachments").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("sct.chuyenvien").get(url).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(upload(rest, "sct.chuyenvien", "KH-TEST-DK-QUYEN", "x.pdf", PDF, Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // The unit's leader reads the plan but has no task open on it yet (the draft is the staff's).
    JsonNode list = as("kt.phophong").getJson("/api/plans/KH-TEST-DK-QUYEN/attachments");
    assertThat(list.get("mayUpload").asBoolean()).isFalse();
    assertThat(list.get("attachments")).hasSize(1);
    assertThat(problem(upload(rest, "kt.phophong", "KH-TEST-DK-QUYEN", "y.pdf", PDF, Map.of()), HttpStatus.FORBIDDEN)
        .get("detail").asText()).contains("mới đính kèm tệp được");
    assertThat(as("kt.chuyenvien").getJson("/api/plans/KH-TEST-DK-QUYEN/attachments").get("mayUpload").asBoolean())
        .isTrue();

    // A task of another plan, or not the caller's, is refused.
    assertThat(upload(rest, "kt.chuyenvien", "KH-TEST-DK-QUYEN", "z.pdf", PDF, Map.of("task", "khong-co"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // Once the draft is submitted, the leader has the review open and may attach.
    driver.complete("KH-TEST-DK-QUYEN", PlanApproval.DRAFT_PLAN, "kt.chuyenvien", Map.of("consultedUnits", List.of("yh-pvhxh")));
    String review = driver.task("KH-TEST-DK-QUYEN", PlanApproval.REVIEW_DRAFT).getId();
    ResponseEntity<String> byLeader = upload(rest, "kt.phophong", "KH-TEST-DK-QUYEN", "y-kien.pdf", PDF,
        Map.of("task", review));
    assertThat(byLeader.getStatusCode()).as(byLeader.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(byLeader.getBody()).get("taskId").asText()).isEqualTo(review);
  }

  @Test
  void onlyTheUploaderWithdrawsAndTheRecordStays() throws IOException {
    driver.createWardPlan("KH-TEST-DK-RUT");
    JsonNode saved = json.readTree(upload(rest, "kt.chuyenvien", "KH-TEST-DK-RUT", "nham.pdf", PDF, Map.of()).getBody());
    String url = saved.get("downloadUrl").asText();

    assertThat(as("kt.phophong").send(HttpMethod.DELETE, url, null, MediaType.APPLICATION_JSON).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> withdrawn = as("kt.chuyenvien").send(HttpMethod.DELETE, url, null, MediaType.APPLICATION_JSON);
    assertThat(withdrawn.getStatusCode()).as(withdrawn.getBody()).isEqualTo(HttpStatus.OK);

    assertThat(as("kt.chuyenvien").getJson("/api/plans/KH-TEST-DK-RUT").get("attachments")).isEmpty();
    JsonNode listed = as("kt.chuyenvien").getJson("/api/plans/KH-TEST-DK-RUT/attachments").get("attachments").get(0);
    assertThat(listed.get("withdrawn").asBoolean()).isTrue();
    assertThat(listed.get("withdrawnBy").asText()).isEqualTo("kt.chuyenvien");
    assertThat(listed.get("withdrawable").asBoolean()).isFalse();
    assertThat(listed.get("sha256").asText()).isEqualTo(Attachments.sha256(PDF));
    assertThat(as("kt.chuyenvien").get("/api/plans/KH-TEST-DK-RUT/attachments/999999").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }
}
