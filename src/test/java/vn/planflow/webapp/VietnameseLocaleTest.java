package vn.planflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * planflow's {@code vi.json} of each Camunda webapp translates every key of the {@code en.json}
 * shipped in the webapp jar on the classpath, keeping its placeholders: after a Camunda upgrade
 * this names each key the upgrade added, removed or changed.
 */
class VietnameseLocaleTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyIsTranslatedWithItsPlaceholders(String app) throws IOException {
    JsonNode english = shippedEnglish(app);
    JsonNode vietnamese = read(resource(app, "vi"));

    List<String> problems = LocaleComparison.problems(english, vietnamese);

    assertThat(problems).as("app/%s/locales/vi.json against the shipped en.json", app).isEmpty();
    assertThat(english.path("labels").size()).as("labels in the shipped en.json").isGreaterThan(100);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAreVietnamese(String app) throws IOException {
    JsonNode dates = read(resource(app, "vi")).path("dateLocales");

    // Cockpit and Admin format dates with the locale's LL, LLL and LLLL, not with config.js.
    assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("DD/MM/YYYY");
    assertThat(dates.path("longDateFormat").path("LLL").asText()).isEqualTo("DD/MM/YYYY LT");
    assertThat(dates.path("weekdays").get(1).asText()).isEqualTo("Thứ hai");
    assertThat(dates.path("months").get(11).asText()).isEqualTo("tháng 12");
  }

  @Test
  void officialsReadTheTermsOfTheirWork() throws IOException {
    JsonNode tasklist = read(resource("tasklist", "vi")).path("labels");

    assertThat(tasklist.path("CLAIM_TASK").asText()).isEqualTo("Nhận việc");
    assertThat(tasklist.path("COMPLETE").asText()).isEqualTo("Hoàn thành");
    assertThat(tasklist.path("DUE_DATE").asText()).isEqualTo("Hạn xử lý");
    assertThat(tasklist.path("FOLLOW_UP_DATE").asText()).isEqualTo("Ngày theo dõi");
    assertThat(tasklist.path("CANDIDATE_GROUP").asText()).isEqualTo("Nhóm được giao");
    assertThat(tasklist.path("ASSIGNEE").asText()).isEqualTo("Người xử lý");
    assertThat(tasklist.path("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("Đăng nhập");
    assertThat(tasklist.path("CAM_WIDGET_HEADER_SIGN_OUT").asText()).isEqualTo("Đăng xuất");
  }

  @Test
  void namesEachMissingKeyExtraKeyAndChangedPlaceholder() throws IOException {
    JsonNode english =
        JSON.readTree(
            """
            {"labels": {"CLAIM": "Claim", "GREETING": "Hello {{ name }}, see <a href=\\"#\\">here</a>",
                        "COUNT": "%d days"},
             "dateLocales": {"months": ["January", "February"]}}
            """);
    JsonNode translated =
        JSON.readTree(
            """
            {"labels": {"GREETING": "Xin chào {{name}}, xem tại đây", "COUNT": "%d ngày", "OLD": "Cũ"},
             "dateLocales": {"months": ["tháng 1"]}}
            """);

    assertThat(LocaleComparison.problems(english, translated))
        .containsExactlyInAnyOrder(
            "labels.CLAIM: missing (en: \"Claim\")",
            "labels.GREETING: placeholders [</a>, <a href=\"#\">, {{ name }}] in en.json"
                + " but [{{name}}] in \"Xin chào {{name}}, xem tại đây\"",
            "labels.OLD: not in en.json",
            "dateLocales.months: should be an array of 2 like in en.json");
  }

  /** The en.json of the webapp jar; planflow adds only vi.json, so there is exactly one. */
  private static JsonNode shippedEnglish(String app) throws IOException {
    List<URL> found = Collections.list(classLoader().getResources(LOCALES.formatted(app, "en")));
    assertThat(found).as("en.json of %s in the Camunda webapp jar", app).hasSize(1);
    assertThat(found.get(0).toString()).contains("camunda-webapp");
    return read(found.get(0));
  }

  private static URL resource(String app, String locale) {
    URL url = classLoader().getResource(LOCALES.formatted(app, locale));
    assertThat(url).as("%s.json of %s on the classpath", locale, app).isNotNull();
    return url;
  }

  private static JsonNode read(URL url) throws IOException {
    // Jackson skips the byte order mark the shipped files start with.
    try (InputStream in = url.openStream()) {
      return JSON.readTree(in);
    }
  }

  private static ClassLoader classLoader() {
    return VietnameseLocaleTest.class.getClassLoader();
  }
}
