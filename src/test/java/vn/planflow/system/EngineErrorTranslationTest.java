package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/**
 * What reaches an official from Camunda REST when something fails past the REST layer's own
 * handling: a 409 when a race removed the task, a Vietnamese 500 otherwise, never Spring's English
 * error page or Java text; Spring Security's own refusals are left to it.
 */
class EngineErrorTranslationTest {

  private static final String TASK = "6910d05b-f1da-11f1-9fc5-02fc00000001";

  private MockHttpServletResponse run(boolean taskStillOpen, RuntimeException thrown) throws Exception {
    EngineErrorTranslation filter = new EngineErrorTranslation(new ObjectMapper(), id -> taskStillOpen);
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/" + TASK + "/complete");
    request.setServletPath("/engine-rest");
    request.setPathInfo("/task/" + TASK + "/complete");
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, (req, res) -> {
      throw thrown;
    });
    return response;
  }

  @Test
  void aTaskRemovedByARaceIsA409() throws Exception {
    MockHttpServletResponse response = run(false, new NullValueException("Cannot find task with id " + TASK));

    assertThat(response.getStatus()).isEqualTo(409);
    String message = new ObjectMapper().readTree(response.getContentAsString(StandardCharsets.UTF_8))
        .get("message").asText();
    assertThat(message).startsWith("Việc này vừa được hoàn thành").doesNotContain("Cannot find");
  }

  @Test
  void anyOtherFailureIsAVietnamese500WithoutJavaText() throws Exception {
    MockHttpServletResponse response = run(true, new IllegalStateException("java.lang.IllegalStateException: boom"));

    assertThat(response.getStatus()).isEqualTo(500);
    String message = new ObjectMapper().readTree(response.getContentAsString(StandardCharsets.UTF_8))
        .get("message").asText();
    assertThat(message).startsWith("Lỗi khi xử lý yêu cầu").doesNotContain("boom").doesNotContain("Exception");
  }

  @Test
  void springSecurityRefusalsAreLeftToSpringSecurity() {
    assertThatThrownBy(() -> run(true, new AccessDeniedException("denied"))).isInstanceOf(AccessDeniedException.class);
  }
}
