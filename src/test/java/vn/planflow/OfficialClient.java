package vn.planflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An official (or the admin) calling the REST APIs with HTTP Basic, as a script would. */
public final class OfficialClient {

  private final TestRestTemplate rest;
  private final ObjectMapper json;
  private final String user;
  private final String password;

  public OfficialClient(TestRestTemplate rest, ObjectMapper json, String user, String password) {
    this.rest = rest;
    this.json = json;
    this.user = user;
    this.password = password;
  }

  public static OfficialClient demo(TestRestTemplate rest, ObjectMapper json, String user) {
    return new OfficialClient(rest, json, user, "admin".equals(user) ? "admin" : "demo");
  }

  public ResponseEntity<String> get(String path) {
    return rest.withBasicAuth(user, password).getForEntity(path, String.class);
  }

  public JsonNode getJson(String path) {
    ResponseEntity<String> response = get(path);
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("GET " + path + " as " + user + ": " + response.getStatusCode() + " " + response.getBody());
    }
    return read(response.getBody());
  }

  public ResponseEntity<String> post(String path, Object body) {
    return send(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON);
  }

  public ResponseEntity<String> send(HttpMethod method, String path, Object body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    return rest.withBasicAuth(user, password)
        .exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  /** The id of the one task of this key in the plan that this official can see. */
  public String taskId(String planCode, String taskKey) {
    JsonNode tasks = getJson("/engine-rest/task?processInstanceBusinessKey=" + planCode + "&taskDefinitionKey=" + taskKey);
    if (tasks.size() != 1) {
      throw new AssertionError(user + " sees " + tasks.size() + " " + taskKey + " tasks of " + planCode + ": " + tasks);
    }
    return tasks.get(0).get("id").asText();
  }

  /** Claims (when unassigned) and completes through Camunda REST with typed variables. */
  public ResponseEntity<String> complete(String taskId, Map<String, Object> variables) {
    JsonNode task = getJson("/engine-rest/task/" + taskId);
    if (task.get("assignee").isNull()) {
      ResponseEntity<String> claim = post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
      if (!claim.getStatusCode().is2xxSuccessful()) {
        throw new AssertionError("claim as " + user + ": " + claim.getBody());
      }
    }
    return post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed(variables)));
  }

  /**
   * What the job executor does in production, done through Camunda REST as an administrator would
   * in Cockpit: executes due jobs one at a time until none is left.
   */
  public void executeDueJobs() {
    for (int i = 0; i < 200; i++) {
      JsonNode due = getJson("/engine-rest/job?executable=true&maxResults=1");
      if (due.isEmpty()) {
        return;
      }
      ResponseEntity<String> executed = post("/engine-rest/job/" + due.get(0).get("id").asText() + "/execute", Map.of());
      if (executed.getStatusCode().value() != 204) {
        throw new AssertionError("job " + due.get(0).get("id").asText() + ": " + executed.getBody());
      }
    }
    throw new AssertionError("jobs keep coming after 200 executions");
  }

  public static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> result = new java.util.LinkedHashMap<>();
    variables.forEach((name, value) -> {
      if (value instanceof java.util.List<?> list) {
        try {
          result.put(name, Map.of("value", new ObjectMapper().writeValueAsString(list), "type", "Json"));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      } else if (value instanceof Boolean) {
        result.put(name, Map.of("value", value, "type", "Boolean"));
      } else if (value instanceof Integer) {
        result.put(name, Map.of("value", value, "type", "Integer"));
      } else {
        result.put(name, Map.of("value", value, "type", "String"));
      }
    });
    return result;
  }

  public JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
