package vn.planflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;

/** The pages and the chart library are served to officials, with HTTP Basic or the Tasklist login. */
@PlanflowIntegrationTest
class DashboardPageTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  @Test
  void anOfficialGetsTheDashboardWithVietnameseHeadingsAndTheChartLibrary() {
    ResponseEntity<String> page = OfficialClient.demo(rest, json, "kt.chuyenvien").get("/dashboard");
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(page.getBody()).contains("Bảng theo dõi kế hoạch", "Kế hoạch theo trạng thái", "Tiến trình phê duyệt",
        "Tình hình gửi báo cáo", "Tiến độ thực hiện chỉ tiêu", "/dashboard/lib/chart.js/chart.umd.min.js");
    // Defence in depth for issue #10: only the dashboard's own scripts run on the page.
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'", "object-src 'none'");

    ResponseEntity<String> chart = OfficialClient.demo(rest, json, "kt.chuyenvien")
        .get("/dashboard/lib/chart.js/chart.umd.min.js");
    assertThat(chart.getStatusCode().value()).isEqualTo(200);
    assertThat(chart.getBody()).contains("Chart.js v" + DashboardResources.chartJsVersion());
    assertThat(OfficialClient.demo(rest, json, "kt.chuyenvien").get("/dashboard/dashboard.js").getStatusCode().value())
        .isEqualTo(200);
  }

  @Test
  void aLeaderGetsTheAuditScreen() {
    ResponseEntity<String> page = OfficialClient.demo(rest, json, "kt.truongphong").get("/dashboard/audit");
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("Nhật ký thao tác", "Tải về tệp CSV (Excel)");
  }

  @Test
  void anonymousCallersMustLogIn() {
    for (String path : new String[] {"/dashboard", "/dashboard/audit", "/dashboard/audit.csv", "/api/dashboard/overview",
        "/dashboard/lib/chart.js/chart.umd.min.js", "/dashboard/dashboard.js"}) {
      assertThat(rest.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
    }
  }

  @Test
  void theTasklistLoginOpensTheDashboard() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(get("/camunda/app/tasklist/default/").build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN"))
        .POST(HttpRequest.BodyPublishers.ofString("username=kt.truongphong&password=demo")).build(), text());
    assertThat(login.statusCode()).isEqualTo(200);

    assertThat(browser.send(get("/dashboard").build(), text()).body()).contains("Bảng theo dõi kế hoạch");
    HttpResponse<String> overview = browser.send(get("/api/dashboard/overview").build(), text());
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(overview.body()).contains("Đang soạn thảo");
    assertThat(browser.send(get("/dashboard/audit").build(), text()).statusCode()).isEqualTo(200);
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpResponse.BodyHandler<String> text() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }

  private static String cookie(CookieManager cookies, String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }
}
