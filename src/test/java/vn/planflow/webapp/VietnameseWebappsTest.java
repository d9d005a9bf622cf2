package vn.planflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.planflow.PlanflowIntegrationTest;

/**
 * What a browser gets from the running planflow: the webapps' Vietnamese locale, their
 * configuration with Vietnamese first and English available, the language switch and the
 * planflow stylesheet, in place of the files of the Camunda webapp jar.
 */
@PlanflowIntegrationTest
class VietnameseWebappsTest {

  private static final HttpClient BROWSER = HttpClient.newHttpClient();

  @LocalServerPort int port;

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
    return BROWSER.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void tasklistServesTheVietnameseLocale() throws Exception {
    HttpResponse<String> response = get("/camunda/app/tasklist/locales/vi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode labels = new ObjectMapper().readTree(response.body()).path("labels");
    assertThat(labels.path("CLAIM_TASK").asText()).isEqualTo("Nhận việc");
    assertThat(labels.path("PAGE_LOGIN_PLEASE_SIGN_IN").asText()).isEqualTo("Vui lòng đăng nhập");
  }

  @Test
  void englishStaysAvailable() throws Exception {
    HttpResponse<String> response = get("/camunda/app/tasklist/locales/en.json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"CLAIM_TASK\": \"Claim\"");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void eachWebappIsVietnameseFirstWithEnglishSelectable(String app) throws Exception {
    HttpResponse<String> response = get("/camunda/app/" + app + "/scripts/config.js");

    assertThat(response.statusCode()).isEqualTo(200);
    String config = response.body().replaceAll("\\s+", " ");
    assertThat(config)
        .contains("availableLocales: ['vi', 'en']")
        .contains("fallbackLocale: 'vi'")
        .contains("vendor: 'planflow'")
        .contains("customScripts: ['../../assets/planflow/language'");
    assertThat(get("/camunda/app/" + app + "/locales/vi.json").statusCode()).isEqualTo(200);
    assertThat(get("/camunda/app/" + app + "/styles/user-styles.css").body())
        .contains("assets/planflow/planflow.css");
  }

  @Test
  void tasklistShowsDatesAsDayMonthYear() throws Exception {
    String config = get("/camunda/app/tasklist/scripts/config.js").body().replaceAll("\\s+", " ");

    assertThat(config).contains("short: 'DD/MM/YYYY'").contains("normal: 'DD/MM/YYYY HH:mm'");
  }

  @Test
  void tasklistLoadsTheScriptThatLetsFormsWithRowsBeCompleted() throws Exception {
    String config = get("/camunda/app/tasklist/scripts/config.js").body().replaceAll("\\s+", " ");
    HttpResponse<String> script = get("/camunda/assets/planflow/tasklist-forms.js");

    assertThat(config).contains("'../../assets/planflow/tasklist-forms'");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("camTasklistFormCamundaDirective").contains(".fjs-form-field-error");
  }

  @Test
  void theLanguageSwitchAndTheStylesheetAreServedWithoutLogin() throws Exception {
    HttpResponse<String> script = get("/camunda/assets/planflow/language.js");
    HttpResponse<String> styles = get("/camunda/assets/planflow/planflow.css");

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    assertThat(script.body()).contains("const DEFAULT_LANGUAGE = 'vi';").contains("'planflow.locale'");
    assertThat(styles.statusCode()).isEqualTo(200);
    assertThat(styles.body()).contains(".planflow-language-switch");
  }
}
