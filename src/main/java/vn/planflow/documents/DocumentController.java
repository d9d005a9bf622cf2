package vn.planflow.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.planflow.system.InvalidRequestException;

/**
 * The official documents as files: a plan ({@code .docx}), its Tờ trình, its vote record, and the
 * outgoing register of an issuer and year (JSON, or {@code .xlsx} asked for by {@code Accept} or
 * {@code ?format=xlsx}).
 */
@RestController
@RequestMapping("/api")
class DocumentController {

  static final MediaType DOCX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Documents documents;

  DocumentController(Documents documents) {
    this.documents = documents;
  }

  @GetMapping("/plans/{code}/document")
  ResponseEntity<byte[]> plan(@PathVariable String code, Authentication caller) {
    return file(documents.plan(code, caller.getName()), DOCX, code + ".docx");
  }

  @GetMapping("/plans/{code}/submission")
  ResponseEntity<byte[]> submission(@PathVariable String code, Authentication caller) {
    return file(documents.submission(code, caller.getName()), DOCX, code + "-to-trinh.docx");
  }

  @GetMapping("/plans/{code}/vote-record")
  ResponseEntity<byte[]> voteRecord(@PathVariable String code, Authentication caller) {
    return file(documents.voteRecord(code, caller.getName()), DOCX, code + "-bien-ban-kiem-phieu.docx");
  }

  @GetMapping("/plans/{code}/reports/{period}/document")
  ResponseEntity<byte[]> report(@PathVariable String code, @PathVariable String period,
      Authentication caller) {
    return file(documents.report(code, period, caller.getName()), DOCX, code + "-bao-cao-" + period + ".docx");
  }

  @GetMapping("/plans/{code}/reports/{period}/export")
  ResponseEntity<byte[]> reportExport(@PathVariable String code, @PathVariable String period,
      Authentication caller) {
    return file(documents.reportWorkbook(code, period, caller.getName()), XLSX, code + "-so-lieu-" + period + ".xlsx");
  }

  @GetMapping("/registers/{issuer}/{year}")
  ResponseEntity<?> register(
      @PathVariable String issuer,
      @PathVariable String year,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      Authentication caller) {
    boolean xlsx = wantsXlsx(format, accept);
    RegisterView register = documents.register(issuer, year, caller.getName());
    if (xlsx) {
      return file(RegisterWorkbook.render(register), XLSX, "so-van-ban-di-" + issuer + "-" + register.year() + ".xlsx");
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(register);
  }

  /** {@code ?format=} decides when given; otherwise an Accept header that names the spreadsheet type. */
  private static boolean wantsXlsx(String format, String accept) {
    if (format != null) {
      return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "xlsx" -> true;
        case "json" -> false;
        default -> throw new InvalidRequestException("format", "định dạng '" + format + "' không được hỗ trợ (json, xlsx)");
      };
    }
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (RuntimeException e) {
      throw new InvalidRequestException("Accept", "tiêu đề Accept không hợp lệ");
    }
    double spreadsheet = 0;
    double json = 0;
    for (MediaType type : types) {
      if (XLSX.equalsTypeAndSubtype(type)) {
        spreadsheet = Math.max(spreadsheet, type.getQualityValue());
      } else if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
        json = Math.max(json, type.getQualityValue());
      }
    }
    return spreadsheet > 0 && spreadsheet >= json;
  }

  private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(content);
  }
}
