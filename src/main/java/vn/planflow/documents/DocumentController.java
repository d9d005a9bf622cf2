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
 * The official documents as files: a plan ({@code .docx}, or PDF/A at {@code …/document.pdf} or
 * with {@code Accept: application/pdf}), its Tờ trình, its vote record, a consolidated report, and the
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
  private final PdfRenderer pdf;

  DocumentController(Documents documents, PdfRenderer pdf) {
    this.documents = documents;
    this.pdf = pdf;
  }

  @GetMapping("/plans/{code}/document")
  ResponseEntity<byte[]> plan(@PathVariable String code, @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
      String accept, Authentication caller) {
    return wantsPdf(accept) ? planPdf(code, caller) : document(documents.plan(code, caller.getName()), code, false);
  }

  @GetMapping("/plans/{code}/document.pdf")
  ResponseEntity<byte[]> planPdf(@PathVariable String code, Authentication caller) {
    return file(documents.planPdf(code, caller.getName()), MediaType.APPLICATION_PDF, code + ".pdf");
  }

  @GetMapping("/plans/{code}/submission")
  ResponseEntity<byte[]> submission(@PathVariable String code, @RequestHeader(value = HttpHeaders.ACCEPT,
      required = false) String accept, Authentication caller) {
    return document(documents.submission(code, caller.getName()), code + "-to-trinh", wantsPdf(accept));
  }

  @GetMapping("/plans/{code}/submission.pdf")
  ResponseEntity<byte[]> submissionPdf(@PathVariable String code, Authentication caller) {
    return document(documents.submission(code, caller.getName()), code + "-to-trinh", true);
  }

  @GetMapping("/plans/{code}/vote-record")
  ResponseEntity<byte[]> voteRecord(@PathVariable String code, @RequestHeader(value = HttpHeaders.ACCEPT,
      required = false) String accept, Authentication caller) {
    return document(documents.voteRecord(code, caller.getName()), code + "-bien-ban-kiem-phieu", wantsPdf(accept));
  }

  @GetMapping("/plans/{code}/vote-record.pdf")
  ResponseEntity<byte[]> voteRecordPdf(@PathVariable String code, Authentication caller) {
    return document(documents.voteRecord(code, caller.getName()), code + "-bien-ban-kiem-phieu", true);
  }

  @GetMapping("/plans/{code}/reports/{period}/document")
  ResponseEntity<byte[]> report(@PathVariable String code, @PathVariable String period,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Authentication caller) {
    return document(documents.report(code, period, caller.getName()), code + "-bao-cao-" + period, wantsPdf(accept));
  }

  @GetMapping("/plans/{code}/reports/{period}/document.pdf")
  ResponseEntity<byte[]> reportPdf(@PathVariable String code, @PathVariable String period, Authentication caller) {
    return document(documents.report(code, period, caller.getName()), code + "-bao-cao-" + period, true);
  }

  /** The document as {@code .docx}, or rendered to PDF/A when asked for ({@code .pdf} or Accept). */
  private ResponseEntity<byte[]> document(byte[] docx, String name, boolean asPdf) {
    return asPdf ? file(pdf.toPdf(docx), MediaType.APPLICATION_PDF, name + ".pdf") : file(docx, DOCX, name + ".docx");
  }

  /** An Accept header that prefers PDF to the .docx (a browser's {@code *}{@code /*} does not). */
  static boolean wantsPdf(String accept) {
    return prefers(accept, MediaType.APPLICATION_PDF, DOCX);
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
    return prefers(accept, XLSX, MediaType.APPLICATION_JSON);
  }

  /** Whether the Accept header names {@code wanted} with a quality at least that of {@code otherwise}. */
  private static boolean prefers(String accept, MediaType wanted, MediaType otherwise) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (RuntimeException e) {
      throw new InvalidRequestException("Accept", "tiêu đề Accept không hợp lệ");
    }
    double wantedQuality = 0;
    double otherQuality = 0;
    for (MediaType type : types) {
      if (wanted.equalsTypeAndSubtype(type)) {
        wantedQuality = Math.max(wantedQuality, type.getQualityValue());
      } else if (otherwise.equalsTypeAndSubtype(type)) {
        otherQuality = Math.max(otherQuality, type.getQualityValue());
      }
    }
    return wantedQuality > 0 && wantedQuality >= otherQuality;
  }

  private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(content);
  }
}
