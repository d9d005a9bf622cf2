package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.planflow.PlanflowIntegrationTest;

/**
 * An official logged into Tasklist calls {@code /api} from the same browser: the webapp session
 * authenticates, state-changing calls need the webapps' CSRF token, and the session survives.
 */
@PlanflowIntegrationTest
class WebappSessionTest {

  @LocalServerPort int port;

  private final CookieManager cookies = new CookieManager();
  private HttpClient browser;

  @BeforeEach
  void newBrowser() {
    browser = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void logIntoTasklist(String user, String password) throws Exception {
    send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")));
    HttpResponse<String> login = send(HttpRequest.newBuilder(
            uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    assertThat(login.statusCode()).isEqualTo(200);
    // As Tasklist does after logging in: a read that refreshes the CSRF cookie for the new session.
    send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/count"))
        .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));
  }

  private HttpRequest.Builder postOrg() {
    return HttpRequest.newBuilder(uri("/api/org"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"units\": []}"));
  }

  @Test
  void theTasklistLoginAuthenticatesApiCalls() throws Exception {
    assertThat(send(HttpRequest.newBuilder(uri("/api/org/units"))).statusCode()).isEqualTo(401);

    logIntoTasklist("kt.chuyenvien", "demo");
    String session = cookie("JSESSIONID");

    HttpResponse<String> units = send(HttpRequest.newBuilder(uri("/api/org/units/yh-ubnd")));
    assertThat(units.statusCode()).isEqualTo(200);
    assertThat(units.body()).contains("Ủy ban nhân dân phường Yên Hòa");
    // The API neither rotates nor replaces the webapps' session.
    assertThat(cookie("JSESSIONID")).isEqualTo(session);
  }

  @Test
  void aStateChangingCallFromTheSessionNeedsTheCsrfToken() throws Exception {
    logIntoTasklist("admin", "admin");

    HttpResponse<String> withoutToken = send(postOrg());
    HttpResponse<String> wrongToken = send(postOrg().header("X-XSRF-TOKEN", "forged"));
    HttpResponse<String> withToken = send(postOrg().header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));

    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.body()).contains("X-XSRF-TOKEN");
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(withToken.statusCode()).isEqualTo(200);
  }

  @Test
  void anOfficialsSessionIsNoAdministratorsSession() throws Exception {
    logIntoTasklist("sct.giamdoc", "demo");

    HttpResponse<String> response = send(postOrg().header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).doesNotContain("X-XSRF-TOKEN");
  }

  private HttpRequest.Builder postSignal() {
    return HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/signal"))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"planflow-test-signal\"}"));
  }

  @Test
  void onlyAnAdministratorBroadcastsASignalFromTheWebapps() throws Exception {
    logIntoTasklist("yh.vanphong", "demo");
    HttpResponse<String> official = send(postSignal());
    assertThat(official.statusCode()).isEqualTo(403);
    assertThat(official.body()).contains("Chỉ quản trị hệ thống");

    cookies.getCookieStore().removeAll();
    logIntoTasklist("admin", "admin");
    assertThat(send(postSignal()).statusCode()).isEqualTo(204);
  }
}
