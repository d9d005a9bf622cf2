package vn.planflow.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An official (or the admin) calling planflow's REST APIs with HTTP Basic, as a script would. */
final class Official {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Response(int status, String body) {
    boolean ok() {
      return status / 100 == 2;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }
  }

  final String user;
  private final String authorization;
  private final PlanflowJvm app;

  Official(PlanflowJvm app, String user, String password) {
    this.app = app;
    this.user = user;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static Official demo(PlanflowJvm app, String user) {
    return "admin".equals(user) ? new Official(app, user, PlanflowJvm.ADMIN_PASSWORD) : new Official(app, user, "demo");
  }

  Response get(String path) throws IOException, InterruptedException {
    return send("GET", path, null);
  }

  JsonNode getJson(String path) throws IOException, InterruptedException {
    Response response = get(path);
    if (!response.ok()) {
      throw new AssertionError("GET " + path + " as " + user + ": " + response.status() + " " + response.body());
    }
    return response.json();
  }

  Response post(String path, Object body) throws IOException, InterruptedException {
    return send("POST", path, body instanceof String s ? s : JSON.writeValueAsString(body));
  }

  Response send(String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization)
        .header("Accept", "application/json");
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(response.statusCode(), response.body());
  }

  /** The open tasks of this key in the plan that this official can see. */
  JsonNode tasks(String planCode, String taskKey) throws IOException, InterruptedException {
    return getJson("/engine-rest/task?processInstanceBusinessKey=" + planCode + "&taskDefinitionKey=" + taskKey);
  }

  /** Waits (the job executor runs the async continuations) for this official's task of this key. */
  String awaitTask(String planCode, String taskKey) throws IOException, InterruptedException {
    long until = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < until) {
      JsonNode tasks = tasks(planCode, taskKey);
      if (tasks.size() == 1) {
        return tasks.get(0).get("id").asText();
      }
      if (tasks.size() > 1) {
        throw new AssertionError(user + " sees " + tasks.size() + " " + taskKey + " tasks of " + planCode);
      }
      Thread.sleep(200);
    }
    throw new AssertionError(user + " got no " + taskKey + " task of " + planCode + " within 2 minutes");
  }

  /** Claims (when unassigned) and completes through Camunda REST with typed variables. */
  Response complete(String taskId, Map<String, Object> variables) throws IOException, InterruptedException {
    JsonNode task = getJson("/engine-rest/task/" + taskId);
    if (task.get("assignee").isNull()) {
      Response claim = post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
      if (!claim.ok()) {
        return claim;
      }
    }
    return post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed(variables)));
  }

  /** Completes this official's one task of this key in the plan, which must succeed. */
  void step(String planCode, String taskKey, Map<String, Object> variables) throws IOException, InterruptedException {
    Response completed = complete(awaitTask(planCode, taskKey), variables);
    if (completed.status() != 204) {
      throw new AssertionError(user + " " + taskKey + " of " + planCode + ": " + completed.status() + " " + completed.body());
    }
  }

  static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> result = new LinkedHashMap<>();
    variables.forEach((name, value) -> {
      try {
        if (value instanceof List<?> list) {
          result.put(name, Map.of("value", JSON.writeValueAsString(list), "type", "Json"));
        } else if (value instanceof Boolean) {
          result.put(name, Map.of("value", value, "type", "Boolean"));
        } else if (value instanceof Integer) {
          result.put(name, Map.of("value", value, "type", "Integer"));
        } else {
          result.put(name, Map.of("value", value, "type", "String"));
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    return result;
  }
}
