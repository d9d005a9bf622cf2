package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.planflow.OfficialClient;
import vn.planflow.PlanflowIntegrationTest;

/**
 * Issue #10: requests too large to hold are refused before anyone reads them (413, in Vietnamese),
 * whether they declare their length or stream it chunked; collections past their bounds are 400s
 * naming the field. A large organization import once exhausted the heap and took the node down:
 * here the node answers its health check afterwards and nothing was written.
 */
@PlanflowIntegrationTest
class RequestLimitsTest {

  private static final String ADMIN_PASSWORD = System.getenv().getOrDefault("PLANFLOW_ADMIN_PASSWORD", "admin");

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aBodyDeclaredLargerThanItsLimitIsRefusedUnread() throws Exception {
    long units = count("org_unit");
    long plans = count("plan");

    String organization = declaredOnly("POST", "/api/org", "admin", ADMIN_PASSWORD, 40L * 1024 * 1024);
    String plan = declaredOnly("POST", "/api/plans", "kt.chuyenvien", "demo", 9L * 1024 * 1024);
    String appendix = declaredOnly("PUT", "/api/plans/KH-LIMITS/tasks", "kt.chuyenvien", "demo", 13L * 1024 * 1024);

    assertThat(organization).startsWith("HTTP/1.1 413").contains("application/problem+json")
        .contains("Nội dung yêu cầu quá lớn (tối đa 32 MB)");
    assertThat(plan).startsWith("HTTP/1.1 413").contains("tối đa 8 MB");
    assertThat(appendix).startsWith("HTTP/1.1 413").contains("tối đa 12 MB");
    assertThat(health()).isEqualTo(200);
    assertThat(count("org_unit")).isEqualTo(units);
    assertThat(count("plan")).isEqualTo(plans);
  }

  @Test
  void aChunkedBodyIsCutOffAtItsLimit() throws Exception {
    long plans = count("plan");

    // A plan with legal bases that never end: 8.5 MB sent chunked, without a declared length.
    String answer = chunked("POST", "/api/plans", "kt.chuyenvien", "demo",
        "{\"code\":\"KH-LIMITS-CHUNKED\",\"legalBases\":[", "\"" + "Căn cứ ".repeat(40) + "\",",
        8L * 1024 * 1024 + 512 * 1024, "\"Căn cứ\"]}");

    assertThat(answer).startsWith("HTTP/1.1 413").contains("tối đa 8 MB");
    assertThat(health()).isEqualTo(200);
    assertThat(count("plan")).isEqualTo(plans);
  }

  @Test
  void collectionsPastTheirBoundsAre400sNamingTheField() {
    long units = count("org_unit");
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 0; i <= 20_000; i++) {
      many.add(Map.of("code", "gh-" + i, "name", "Đơn vị " + i, "kind", "DEPARTMENT", "parent", "yh-ubnd"));
    }
    ResponseEntity<String> organization = new OfficialClient(rest, json, "admin", ADMIN_PASSWORD)
        .post("/api/org", Map.of("units", many, "officials", List.of()));

    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("code", "KH-LIMITS-TASKS");
    plan.put("title", "Kế hoạch có quá nhiều nhiệm vụ");
    plan.put("issuer", "yh-ubnd");
    plan.put("leadUnit", "yh-pkthtdt");
    plan.put("periodStart", "2026-01-01");
    plan.put("periodEnd", "2026-12-31");
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (int i = 1; i <= 2_001; i++) {
      tasks.add(Map.of("no", String.valueOf(i), "name", "Nhiệm vụ " + i, "leadUnit", "yh-pkthtdt"));
    }
    plan.put("tasks", tasks);
    ResponseEntity<String> tooManyTasks = OfficialClient.demo(rest, json, "kt.chuyenvien").post("/api/plans", plan);

    assertProblem(organization, "units");
    assertProblem(tooManyTasks, "tasks");
    assertThat(count("org_unit")).isEqualTo(units);
    assertThat(jdbc.queryForObject("select count(*) from plan where code = 'KH-LIMITS-TASKS'", Long.class)).isZero();
  }

  private void assertProblem(ResponseEntity<String> response, String field) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    try {
      JsonNode problem = json.readTree(response.getBody());
      assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
    } catch (IOException e) {
      throw new AssertionError(response.getBody(), e);
    }
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private int health() {
    return rest.getForEntity("/actuator/health", String.class).getStatusCode().value();
  }

  /** Headers declaring a body of {@code length} bytes, and no body: the answer must not wait for it. */
  private String declaredOnly(String method, String path, String user, String password, long length)
      throws IOException {
    try (Socket socket = open()) {
      OutputStream out = socket.getOutputStream();
      out.write(head(method, path, user, password, "Content-Length: " + length));
      out.flush();
      return read(socket.getInputStream());
    }
  }

  /** A body streamed in chunks: the prefix, {@code size} bytes of a repeated text, the suffix. */
  private String chunked(String method, String path, String user, String password, String prefix, String repeated,
      long size, String suffix) throws IOException {
    try (Socket socket = open()) {
      OutputStream out = socket.getOutputStream();
      out.write(head(method, path, user, password, "Transfer-Encoding: chunked"));
      chunk(out, prefix.getBytes(StandardCharsets.UTF_8));
      byte[] block = repeated.repeat(Math.max(1, 32 * 1024 / repeated.length())).getBytes(StandardCharsets.UTF_8);
      try {
        for (long sent = 0; sent < size; sent += block.length) {
          chunk(out, block);
        }
        chunk(out, suffix.getBytes(StandardCharsets.UTF_8));
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException closedByServer) {
        // The server answered and closed before the end of the body: its answer is still there.
      }
      return read(socket.getInputStream());
    }
  }

  private static void chunk(OutputStream out, byte[] data) throws IOException {
    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(data);
    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  private Socket open() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(30_000);
    return socket;
  }

  private byte[] head(String method, String path, String user, String password, String length) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return (method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Basic " + credentials
        + "\r\nContent-Type: application/json\r\nConnection: close\r\n" + length + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * The answer, read until it is complete (a chunked body's last chunk, or the declared length):
   * the server may keep the connection open a while to drain the body it refused.
   */
  private static String read(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      seen.write(buffer, 0, n);
      String text = seen.toString(StandardCharsets.UTF_8);
      int head = text.indexOf("\r\n\r\n");
      if (head < 0) {
        continue;
      }
      String headers = text.substring(0, head).toLowerCase();
      if (headers.contains("transfer-encoding: chunked") && text.endsWith("\r\n0\r\n\r\n")) {
        break;
      }
      java.util.regex.Matcher length = java.util.regex.Pattern.compile("content-length: (\\d+)").matcher(headers);
      if (length.find() && seen.size() - (head + 4) >= Integer.parseInt(length.group(1))) {
        break;
      }
    }
    return seen.toString(StandardCharsets.UTF_8);
  }
}
