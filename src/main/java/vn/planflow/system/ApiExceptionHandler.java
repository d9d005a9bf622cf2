package vn.planflow.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns what goes wrong in {@code /api/**} into {@code application/problem+json}: bad input is a
 * 4xx whose detail names the field, with every problem under {@code errors}.
 */
@RestControllerAdvice(basePackages = "vn.planflow")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalidRequest(InvalidRequestException e) {
    return badRequest(e.problems());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return titled(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()), "Không tìm thấy");
  }

  @ExceptionHandler(UnavailableException.class)
  ProblemDetail unavailable(UnavailableException e) {
    return titled(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()),
        "Tạm thời không thực hiện được");
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return titled(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()), "Không thực hiện được lúc này");
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ProblemDetail accessDenied(org.springframework.security.access.AccessDeniedException e) {
    return titled(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage()), "Không có quyền");
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    return titled(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Không có quyền: " + e.getMessage()),
        "Không có quyền");
  }

  @ExceptionHandler({OptimisticLockingFailureException.class,
      org.camunda.bpm.engine.OptimisticLockingException.class})
  ProblemDetail concurrentChange(RuntimeException e) {
    return titled(ProblemDetail.forStatusAndDetail(
        HttpStatus.CONFLICT, "Dữ liệu vừa được người khác thay đổi, vui lòng thử lại"), "Không thực hiện được lúc này");
  }

  /**
   * A row the database refuses: a unique or foreign key taken by someone at the same moment is a
   * 409 (trying again can succeed); a value the column cannot hold is bad input, a 400, because
   * trying again never succeeds. Validators should have caught the value: this is the last line.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail refusedByDatabase(DataIntegrityViolationException e) {
    String state = sqlState(e);
    if (state != null && state.startsWith("22")) {
      return badRequest(List.of(new FieldProblem("body", "có giá trị quá dài hoặc không lưu được")));
    }
    return concurrentChange(e);
  }

  private static String sqlState(Throwable error) {
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  /** The engine's word that a value is wrong is the caller's mistake: a 400, not a 500. */
  @ExceptionHandler(org.camunda.bpm.engine.BadUserRequestException.class)
  ProblemDetail engineRefused(org.camunda.bpm.engine.BadUserRequestException e) {
    return badRequest(List.of(new FieldProblem("body", "yêu cầu không hợp lệ: " + TextRules.quote(e.getMessage()))));
  }

  /**
   * A value the engine's tables cannot hold (a text variable over 4,000 characters) fails in its
   * persistence layer: bad input, a 400. Any other engine failure stays a server error.
   */
  @ExceptionHandler(org.camunda.bpm.engine.ProcessEngineException.class)
  ProblemDetail engineFailed(org.camunda.bpm.engine.ProcessEngineException e) {
    String state = sqlState(e);
    if (state != null && state.startsWith("22")) {
      return badRequest(List.of(new FieldProblem("body", "có giá trị quá dài hoặc không lưu được")));
    }
    throw e;
  }

  @ExceptionHandler(BodyTooLargeException.class)
  ProblemDetail bodyTooLarge(BodyTooLargeException e) {
    return tooLarge(e.limit());
  }

  /** The appendix reader wraps what its stream throws; a body cut off is still a 413. */
  @ExceptionHandler(java.io.UncheckedIOException.class)
  ProblemDetail unreadableBody(java.io.UncheckedIOException e) {
    BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
    if (tooLarge != null) {
      return tooLarge(tooLarge.limit());
    }
    return badRequest(List.of(new FieldProblem("body", "không đọc được nội dung yêu cầu")));
  }

  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ProblemDetail badMultipart(org.springframework.web.multipart.MultipartException e) {
    if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException tooLarge) {
      return fileTooLarge(tooLarge.getMaxUploadSize());
    }
    return badRequest(List.of(new FieldProblem("file", "nội dung multipart/form-data không hợp lệ")));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(fileTooLarge(e.getMaxUploadSize()));
  }

  /** An uploaded file over multipart's max-file-size: the 413 names the field, {@code file}. */
  static ProblemDetail fileTooLarge(long limit) {
    ProblemDetail detail = limit > 0 ? tooLarge(limit)
        : titled(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "file: tệp quá lớn"), "Nội dung quá lớn");
    detail.setProperty("errors", List.of(new FieldProblem("file", limit > 0
        ? "tệp quá lớn (tối đa " + (limit / (1024 * 1024)) + " MB)" : "tệp quá lớn")));
    return detail;
  }

  /** A path variable or query parameter of the wrong type ({@code ?status=X}, a year 99999999999). */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      org.springframework.beans.TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    String name = e.getPropertyName() != null ? e.getPropertyName() : "tham số";
    if (e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException mismatch) {
      name = mismatch.getName();
    }
    String message = "giá trị '" + TextRules.quote(String.valueOf(e.getValue())) + "' không hợp lệ";
    Class<?> type = e.getRequiredType();
    if (type != null && type.isEnum()) {
      message += " (" + Arrays.stream(type.getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", ")) + ")";
    } else if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
      message += " (cần một số)";
    }
    return ResponseEntity.badRequest().body(badRequest(List.of(new FieldProblem(name, message))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      org.springframework.web.HttpMediaTypeNotSupportedException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Content-Type: kiểu nội dung '" + TextRules.quote(String.valueOf(e.getContentType()))
            + "' không được hỗ trợ (cần " + e.getSupportedMediaTypes().stream().map(Object::toString)
            .collect(Collectors.joining(", ")) + ")");
    detail.setTitle("Dữ liệu không hợp lệ");
    detail.setProperty("errors", List.of(new FieldProblem("Content-Type", "kiểu nội dung không được hỗ trợ")));
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(detail);
  }

  static ProblemDetail tooLarge(long limit) {
    return titled(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        BodyTooLargeException.detail(limit)), "Nội dung quá lớn");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
    if (tooLarge != null) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge.limit()));
    }
    FieldProblem problem = describe(e.getCause());
    return ResponseEntity.badRequest().body(badRequest(List.of(problem)));
  }

  /** A request with thousands of bad entries gets the first ones named, not a megabyte of them. */
  static final int MAX_PROBLEMS = 100;

  static ProblemDetail badRequest(List<FieldProblem> allProblems) {
    List<FieldProblem> problems = allProblems;
    if (allProblems.size() > MAX_PROBLEMS) {
      problems = new java.util.ArrayList<>(allProblems.subList(0, MAX_PROBLEMS));
      problems.add(new FieldProblem(allProblems.get(MAX_PROBLEMS).field(),
          "và " + (allProblems.size() - MAX_PROBLEMS) + " lỗi khác"));
    }
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
    detail.setTitle("Dữ liệu không hợp lệ");
    detail.setProperty("errors", problems);
    return detail;
  }

  /** Names the field Jackson could not read: unknown field, wrong value, malformed JSON. */
  private static FieldProblem describe(Throwable cause) {
    if (cause instanceof JsonLimits.BadTextException badText) {
      return new FieldProblem(path(badText), badText.getOriginalMessage());
    }
    if (exceedsReadConstraints(cause)) {
      return new FieldProblem("body", "JSON lồng quá sâu (tối đa " + JsonLimits.MAX_NESTING_DEPTH
          + " cấp) hoặc có chuỗi, số quá dài (tối đa " + JsonLimits.MAX_STRING_LENGTH + " ký tự)");
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new FieldProblem(path(unknown), "trường không được hỗ trợ '" + unknown.getPropertyName() + "'");
    }
    if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
        && invalid.getTargetType().isEnum()) {
      String allowed =
          Arrays.stream(invalid.getTargetType().getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
      return new FieldProblem(
          path(invalid), "giá trị '" + invalid.getValue() + "' không hợp lệ (" + allowed + ")");
    }
    if (cause instanceof MismatchedInputException mismatched) {
      return new FieldProblem(path(mismatched), "sai kiểu dữ liệu");
    }
    if (cause instanceof JsonProcessingException) {
      return new FieldProblem("body", "JSON không hợp lệ");
    }
    return new FieldProblem("body", "không đọc được nội dung yêu cầu");
  }

  private static boolean exceedsReadConstraints(Throwable error) {
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
        return true;
      }
    }
    return false;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  /** Officials read the title too: in Vietnamese, like the detail. */
  private static ProblemDetail titled(ProblemDetail problem, String title) {
    problem.setTitle(title);
    return problem;
  }
}
