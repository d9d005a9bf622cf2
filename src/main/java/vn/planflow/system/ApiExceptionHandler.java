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

  @ExceptionHandler({OptimisticLockingFailureException.class, DataIntegrityViolationException.class,
      org.camunda.bpm.engine.OptimisticLockingException.class})
  ProblemDetail concurrentChange(RuntimeException e) {
    return titled(ProblemDetail.forStatusAndDetail(
        HttpStatus.CONFLICT, "Dữ liệu vừa được người khác thay đổi, vui lòng thử lại"), "Không thực hiện được lúc này");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    FieldProblem problem = describe(e.getCause());
    return ResponseEntity.badRequest().body(badRequest(List.of(problem)));
  }

  static ProblemDetail badRequest(List<FieldProblem> problems) {
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
