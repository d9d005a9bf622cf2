package vn.planflow.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * HTTP from a chosen loopback address (127.0.0.1, 127.0.0.2 …), so one test can be two machines:
 * the server sees a different request.getRemoteAddr() for each. Java's HttpClient cannot bind its
 * socket, hence a raw one; HTTP/1.0 keeps the answer unchunked and closes the connection.
 */
final class LoopbackClient {

  record Response(int status, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase());
      return values == null ? null : values.get(0);
    }
  }

  private final InetAddress from;
  private final int port;
  /** Cookies of this "browser": name → value. */
  private final Map<String, String> cookies = new LinkedHashMap<>();

  LoopbackClient(String fromAddress, int port) throws IOException {
    this.from = InetAddress.getByName(fromAddress);
    this.port = port;
  }

  Response basicGet(String path, String user, String password) throws IOException {
    String credentials = Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send("GET", path, Map.of("Authorization", "Basic " + credentials), null);
  }

  /** As Tasklist does: open the app (session and XSRF cookie), then post the login form. */
  Response webappLogin(String user, String password) throws IOException {
    if (!cookies.containsKey("XSRF-TOKEN")) {
      send("GET", "/camunda/app/tasklist/default/", Map.of(), null);
    }
    String form = "username=" + user + "&password=" + password;
    return send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("Content-Type", "application/x-www-form-urlencoded",
            "X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", "")),
        form);
  }

  /**
   * Sends wrong passwords for the account (waiting out the blocks between them) until that many
   * were checked (401); the last one has just started a block, so a test can look at it before
   * it ends even on a busy machine.
   */
  void failLogins(String account, int checkedFailures) throws IOException, InterruptedException {
    int checked = 0;
    while (checked < checkedFailures) {
      int status = basicGet("/engine-rest/user/count", account, "sai-mat-khau").status();
      if (status == 401) {
        checked++;
      } else if (status == 429) {
        Thread.sleep(50);
      } else {
        throw new AssertionError("a wrong password answered " + status);
      }
    }
  }

  void forgetCookies() {
    cookies.clear();
  }

  Response send(String method, String path, Map<String, String> headers, String body) throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder()
        .append(method).append(' ').append(path).append(" HTTP/1.0\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\n");
    headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    if (!cookies.isEmpty()) {
      request.append("Cookie: ").append(cookies.entrySet().stream()
          .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "))).append("\r\n");
    }
    if (body != null) {
      request.append("Content-Length: ").append(content.length).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, from, 0)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  private Response parse(InputStream in) throws IOException {
    String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    int end = raw.indexOf("\r\n\r\n");
    String[] lines = raw.substring(0, end < 0 ? raw.length() : end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).trim().toLowerCase();
      String value = lines[i].substring(colon + 1).trim();
      headers.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
      if (name.equals("set-cookie")) {
        String pair = value.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return new Response(status, headers, end < 0 ? "" : raw.substring(end + 4));
  }
}
