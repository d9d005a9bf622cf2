package vn.planflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda REST (and the webapps' copy that Tasklist calls) answers 500 with the Java exception's
 * text for things an official can cause: two officials completing or claiming the same task at
 * once, a task that has just been completed. Those are conflicts, not server errors: this turns
 * them into 409 (or 404) with a Vietnamese message in Camunda's own error shape ({@code type},
 * {@code message}), which Tasklist shows as it is. Any other 500 keeps its status but loses the
 * Java text, which is logged instead. Answers are buffered to be rewritten: Camunda REST's
 * answers are JSON pages and small files, never large streams.
 */
final class EngineErrorTranslation extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineErrorTranslation.class);

  private record Translation(HttpStatus status, String message) {}

  private static final Translation CONCURRENT = new Translation(HttpStatus.CONFLICT,
      "Việc này vừa được người khác xử lý cùng lúc. Hãy tải lại danh sách việc để xem trạng thái mới.");

  private static final Translation BAD_JSON = new Translation(HttpStatus.BAD_REQUEST,
      "Nội dung yêu cầu không phải JSON hợp lệ (sai cú pháp, sai kiểu hoặc lồng quá sâu).");

  private static final Map<String, Translation> BY_TYPE = Map.ofEntries(
      Map.entry("StreamConstraintsException", BAD_JSON),
      Map.entry("JsonParseException", BAD_JSON),
      Map.entry("JsonMappingException", BAD_JSON),
      Map.entry("MismatchedInputException", BAD_JSON),
      Map.entry("InvalidFormatException", BAD_JSON),
      Map.entry("JsonEOFException", BAD_JSON),
      Map.entry("OptimisticLockingException", CONCURRENT),
      Map.entry("CrdbTransactionRetryException", CONCURRENT),
      Map.entry("TaskAlreadyClaimedException", new Translation(HttpStatus.CONFLICT,
          "Việc này đã có người khác nhận. Hãy tải lại danh sách việc.")),
      Map.entry("NullValueException", new Translation(HttpStatus.NOT_FOUND,
          "Không tìm thấy: việc hoặc đối tượng này không còn (có thể đã được hoàn thành).")),
      Map.entry("NotFoundException", new Translation(HttpStatus.NOT_FOUND,
          "Không tìm thấy: việc hoặc đối tượng này không còn (có thể đã được hoàn thành).")),
      Map.entry("NotValidException", new Translation(HttpStatus.BAD_REQUEST, "Dữ liệu không hợp lệ.")),
      Map.entry("ProcessEngineException", new Translation(HttpStatus.INTERNAL_SERVER_ERROR,
          "Lỗi khi xử lý yêu cầu. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị hệ thống.")));

  private static final java.util.regex.Pattern TASK_ACTION =
      java.util.regex.Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve|claim|unclaim)$");

  private static final Translation DONE_MEANWHILE =
      new Translation(HttpStatus.CONFLICT, TaskCompletionPolicy.DONE_MEANWHILE);

  private final ObjectMapper objectMapper;
  private final java.util.function.Predicate<String> taskExists;

  /** @param taskExists whether a task of this id is still open, looked up as the system */
  EngineErrorTranslation(ObjectMapper objectMapper, java.util.function.Predicate<String> taskExists) {
    this.objectMapper = objectMapper;
    this.taskExists = taskExists;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, buffered);
    } catch (ServletException | RuntimeException e) {
      // Thrown past the REST layer's own handling (e.g. by a guard in front of it): answered here,
      // as a 409 when a race removed the task, else a 500 in Vietnamese, never Spring's English
      // error. A database outage goes on to DatabaseUnavailableFilter, which answers 503.
      if (response.isCommitted() || DatabaseUnavailable.isCauseOf(e)
          || e instanceof org.springframework.security.access.AccessDeniedException
          || e instanceof org.springframework.security.core.AuthenticationException) {
        throw e; // Spring Security answers these (403, 401)
      }
      LOG.warn("{} {} failed", request.getMethod(), request.getRequestURI(), e);
      buffered.resetBuffer();
      buffered.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
    } finally {
      if (buffered.getStatus() >= 500 && !response.isCommitted()) {
        translate(request, buffered);
      } else if (buffered.getStatus() == HttpStatus.FORBIDDEN.value() && completedMeanwhile(request)) {
        write(buffered, "TaskAlreadyCompleted", DONE_MEANWHILE);
      }
      buffered.copyBodyToResponse();
    }
  }

  private void translate(HttpServletRequest request, ContentCachingResponseWrapper response) throws IOException {
    byte[] body = response.getContentAsByteArray();
    JsonNode error = read(body);
    String type = error == null ? "" : error.path("type").asText("");
    Translation translation = BY_TYPE.get(type);
    // The REST layer often wraps the engine's exception in its own: read the message too.
    String message = error == null ? "" : error.path("message").asText("");
    if (type.equals("InvalidRequestException") && !message.isBlank() && !message.contains("Exception")) {
      // planflow's own check inside a step (e.g. an ad-hoc request sent as a raw message): its
      // message is written for officials and names the field.
      translation = new Translation(HttpStatus.BAD_REQUEST, message);
    } else if (message.contains("ENGINE-17007") || message.contains("ENGINE-03041")) {
      translation = new Translation(HttpStatus.BAD_REQUEST,
          "Kiểu dữ liệu này không được nhận (dữ liệu Java tuần tự hóa hoặc kiểu không được phép).");
    } else if (message.contains("ENGINE-03005")) {
      translation = CONCURRENT; // optimistic locking wrapped by the REST layer
    } else if (message.contains("Cannot find task") || message.contains("No task found")
        || message.contains("task is null")) {
      translation = BY_TYPE.get("NotFoundException"); // a task completed a moment ago
    } else if (message.contains("is already claimed")) {
      translation = BY_TYPE.get("TaskAlreadyClaimedException");
    }
    if ((translation == null || translation.status().is5xxServerError()) && completedMeanwhile(request)) {
      // The loser of a race read the task before the winner's commit and failed on what the
      // winner left behind (e.g. "cannot signal execution …: it has no current activity").
      translation = DONE_MEANWHILE;
      type = "TaskAlreadyCompleted";
    }
    if (translation == null) {
      translation = BY_TYPE.get("ProcessEngineException");
    }
    if (translation.status().is5xxServerError()) {
      LOG.warn("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), response.getStatus(),
          new String(body, StandardCharsets.UTF_8));
      if (isServiceUnavailable(response.getStatus())) {
        return; // 503 (database unreachable) is already the right answer
      }
    }
    write(response, type.isEmpty() ? "ProcessEngineException" : type, translation);
  }

  /**
   * Two officials completing one task at once: the engine checks the loser's right to the task
   * after the winner's commit removed it, and answers 403 as if she never had it.
   */
  private boolean completedMeanwhile(HttpServletRequest request) {
    java.util.regex.Matcher action = TASK_ACTION.matcher(TaskCompletionGuard.path(request));
    return action.matches() && !taskExists.test(action.group(1));
  }

  private void write(ContentCachingResponseWrapper response, String type, Translation translation) throws IOException {
    ObjectNode translated = objectMapper.createObjectNode();
    translated.put("type", type);
    translated.put("message", translation.message());
    translated.put("title", ProblemResponses.title(translation.status()));
    translated.put("status", translation.status().value());
    response.resetBuffer();
    response.setStatus(translation.status().value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getOutputStream().write(objectMapper.writeValueAsBytes(translated));
  }

  private static boolean isServiceUnavailable(int status) {
    return status == HttpStatus.SERVICE_UNAVAILABLE.value();
  }

  private JsonNode read(byte[] body) {
    try {
      return body.length == 0 ? null : objectMapper.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
