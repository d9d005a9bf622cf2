package vn.planflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Writes RFC 9457 problem responses from filters, where no controller advice is in reach. */
final class ProblemResponses {

  private final ObjectMapper objectMapper;

  ProblemResponses(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  /** Officials read the title too: in Vietnamese, like the detail. */
  static String title(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "Dữ liệu không hợp lệ";
      case UNAUTHORIZED -> "Chưa đăng nhập";
      case FORBIDDEN -> "Không có quyền";
      case NOT_FOUND -> "Không tìm thấy";
      case CONFLICT -> "Không thực hiện được lúc này";
      case PAYLOAD_TOO_LARGE -> "Dữ liệu gửi lên quá lớn";
      case TOO_MANY_REQUESTS -> "Quá nhiều yêu cầu";
      case SERVICE_UNAVAILABLE -> "Hệ thống tạm thời không phục vụ được";
      default -> status.is5xxServerError() ? "Lỗi hệ thống" : "Không thực hiện được";
    };
  }

  void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title(status));
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
