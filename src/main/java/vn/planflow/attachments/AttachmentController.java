package vn.planflow.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.planflow.plan.PlanView;
import vn.planflow.system.FieldProblem;
import vn.planflow.system.InvalidRequestException;

/**
 * {@code /api/plans/{code}/attachments}: list, upload (multipart field {@code file}, optional
 * {@code task} and {@code note}), download, and withdraw (by the uploader, before issuance).
 */
@RestController
@RequestMapping("/api/plans/{code}/attachments")
class AttachmentController {

  private final Attachments attachments;

  AttachmentController(Attachments attachments) {
    this.attachments = attachments;
  }

  /** An attachment as the API lists it: the form's view, its checksum, and whether it was withdrawn. */
  record AttachmentView(long id, String name, String type, long size, String sizeText, String sha256,
      String uploadedBy, String uploadedByName, String uploadedByUnitName, OffsetDateTime uploadedAt,
      String uploadedAtText, String taskId, String step, String note, String downloadUrl, boolean withdrawn,
      String withdrawnBy, String withdrawnByName, OffsetDateTime withdrawnAt, String withdrawnAtText,
      boolean withdrawable) {}

  /** The list, and whether the caller may add to it now (the page shows its form only then). */
  record AttachmentList(String plan, boolean mayUpload, long maxSize, String maxSizeText, String allowedTypes,
      List<AttachmentView> attachments) {}

  @GetMapping
  AttachmentList list(@PathVariable String code, Authentication caller) {
    return listOf(code, caller);
  }

  private AttachmentList listOf(String code, Authentication caller) {
    boolean issued = attachments.issued(code);
    List<AttachmentView> list = attachments.list(code, caller.getName()).stream()
        .map(e -> view(e, !issued && !e.withdrawn() && e.uploadedBy().equals(caller.getName()))).toList();
    return new AttachmentList(code, attachments.mayUpload(code, caller.getName()), attachments.maxSize(),
        Attachments.sizeText(attachments.maxSize()), FileTypes.ALLOWED, list);
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<AttachmentView> upload(@PathVariable String code,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "task", required = false) String task,
      @RequestParam(name = "note", required = false) String note, Authentication caller) {
    if (file == null) {
      throw new InvalidRequestException("file", "chưa chọn tệp (trường 'file' của multipart/form-data)");
    }
    if (file.getSize() > attachments.maxSize()) {
      throw new Attachments.FileTooLargeException(attachments.maxSize());
    }
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AttachmentEntry saved = attachments.upload(code, caller.getName(),
        new Attachments.Upload(file.getOriginalFilename(), content, task, note));
    return ResponseEntity.created(URI.create(Attachments.downloadUrl(code, saved.id()))).body(view(saved, true));
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable long id, Authentication caller) {
    Attachment file = attachments.download(code, id, caller.getName());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header("Digest", "sha-256=" + java.util.Base64.getEncoder()
            .encodeToString(java.util.HexFormat.of().parseHex(file.getSha256())))
        .body(file.getContent());
  }

  @DeleteMapping("/{id}")
  AttachmentView withdraw(@PathVariable String code, @PathVariable long id, Authentication caller) {
    return view(attachments.withdraw(code, id, caller.getName()), false);
  }

  /** A comment on the caller's task ({@code {"task", "message"}}): shown in the history of later tasks. */
  record CommentRequest(String task, String message) {}

  @PostMapping(path = "/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> comment(@PathVariable String code, @org.springframework.web.bind.annotation.RequestBody
      CommentRequest request, Authentication caller) {
    attachments.comment(code, caller.getName(), request.task(), request.message());
    return ResponseEntity.status(HttpStatus.CREATED).build();
  }

  @ExceptionHandler(Attachments.FileTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(Attachments.FileTooLargeException e) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "file: tệp quá lớn (tối đa " + Attachments.sizeText(e.limit()) + ")");
    detail.setTitle("Nội dung quá lớn");
    detail.setProperty("errors", List.of(new FieldProblem("file", "tệp quá lớn (tối đa "
        + Attachments.sizeText(e.limit()) + ")")));
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(detail);
  }

  private AttachmentView view(AttachmentEntry e, boolean withdrawable) {
    PlanView.Attachment v = attachments.view(e);
    return new AttachmentView(v.id(), v.name(), v.type(), v.size(), v.sizeText(), e.sha256(), v.uploadedBy(),
        v.uploadedByName(), v.uploadedByUnitName(), v.uploadedAt(), v.uploadedAtText(), e.taskId(), v.step(),
        v.note(), v.downloadUrl(), e.withdrawn(), e.withdrawnBy(), attachments.officialName(e.withdrawnBy()),
        e.withdrawnAt(), Attachments.dateTime(e.withdrawnAt()), withdrawable);
  }
}
