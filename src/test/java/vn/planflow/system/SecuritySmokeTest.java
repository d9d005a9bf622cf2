package vn.planflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The security settings of the production profile ({@code postgres}, on the embedded PostgreSQL,
 * with the demo officials loaded as PLANFLOW_DEMO_ENABLED=true would), checked from outside over
 * HTTP, one line printed per check. The same checks in depth, on the default profile:
 * RestSecurityTest (401s, authorization, expressions, setup endpoint), WebappSessionTest (session
 * and CSRF), LoginThrottlingTest (the throttle under attack), EngineConfigurationTest.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "planflow.test.database=postgres",
      "camunda.bpm.admin-user.password=Smoke-Test-Mat-Khau-2026",
      "planflow.demo.enabled=true"
    })
@ActiveProfiles({"test", "postgres"})
class SecuritySmokeTest {

  private static final String PROBE = "security-smoke-probe";
  private static final String ADMIN_PASSWORD = "Smoke-Test-Mat-Khau-2026";
  private static final List<String> CHECKED = new ArrayList<>();

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired LoginThrottleProperties limits;

  private LoopbackClient client;

  @BeforeEach
  void client() throws Exception {
    client = new LoopbackClient("127.0.0.1", port);
  }

  @AfterAll
  static void printWhatWasChecked() {
    System.out.println("Security smoke test (profile postgres), checked:");
    CHECKED.forEach(line -> System.out.println("  ✔ " + line));
  }

  private static void checked(String what) {
    synchronized (CHECKED) {
      CHECKED.add(what);
    }
  }

  private LoopbackClient.Response post(String path, String user, String password, String json)
      throws Exception {
    String credentials = java.util.Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return client.send("POST", path,
        Map.of("Authorization", "Basic " + credentials, "Content-Type", "application/json"), json);
  }

  @Test
  void bothRestApisNeedALogin() throws Exception {
    for (String path : List.of("/engine-rest/task", "/api/plans")) {
      LoopbackClient.Response response = client.send("GET", path, Map.of(), null);
      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.header("WWW-Authenticate")).as(path).startsWith("Basic");
    }
    checked("401 without credentials on /engine-rest/task and /api/plans");
  }

  @Test
  void theFirstAdminSetupEndpointIsClosed() throws Exception {
    LoopbackClient.Response response = client.send("POST", "/camunda/api/admin/setup/default/user/create",
        Map.of("Content-Type", "application/json"),
        "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x\"}}");

    assertThat(response.status()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    checked("/camunda/api/admin/setup/default/user/create answers 403 and creates no user");
  }

  @Test
  void expressionsInTaskQueriesAreRejected() throws Exception {
    LoopbackClient.Response inParameter = client.basicGet(
        "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D", "kt.chuyenvien", "demo");
    LoopbackClient.Response inBody = post("/engine-rest/task", "kt.chuyenvien", "demo",
        "{\"candidateUserExpression\": \"${currentUser()}\"}");
    LoopbackClient.Response inOrQuery = post("/engine-rest/task", "kt.chuyenvien", "demo",
        "{\"orQueries\": [{\"candidateGroupsExpression\": \"${currentUserGroups()}\"}]}");

    assertThat(inParameter.status()).isEqualTo(400);
    assertThat(inBody.status()).isEqualTo(400);
    assertThat(inOrQuery.status()).isEqualTo(400);
    assertThat(inOrQuery.body()).contains("orQueries[0].candidateGroupsExpression");
    checked("task queries with an expression answer 400: GET parameter, POST body, inside orQueries");
  }

  @Test
  void javaSerializedVariablesAreRefused() throws Exception {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() == 0) {
      repositoryService.createDeployment()
          .addModelInstance(PROBE + ".bpmn", Bpmn.createExecutableProcess(PROBE)
              .camundaHistoryTimeToLive(1).startEvent().userTask().endEvent().done())
          .deploy();
    }
    // A serialized java.lang.String "abc": harmless here, but any class on the classpath would do.
    String variables = "{\"variables\": {\"payload\": {\"type\": \"Object\", \"value\": \"rO0ABXQAA2FiYw==\","
        + " \"valueInfo\": {\"objectTypeName\": \"java.lang.String\","
        + " \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}";

    LoopbackClient.Response response = post("/engine-rest/process-definition/key/" + PROBE + "/start",
        "admin", ADMIN_PASSWORD, variables);

    // Refused at the door (the probe's start has no form, so it takes no variable at all) ...
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("payload").doesNotContain("Exception");
    // ... and by the engine itself, whoever calls it: the format is off (ENGINE-17007).
    var serialized = org.camunda.bpm.engine.variable.Variables.serializedObjectValue("rO0ABXQAA2FiYw==")
        .serializationDataFormat("application/x-java-serialized-object").objectTypeName("java.lang.String").create();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROBE,
            org.camunda.bpm.engine.variable.Variables.createVariables().putValueTyped("payload", serialized)))
        .hasMessageContaining("Java serialization format is prohibited");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROBE).count()).isZero();
    checked("an Object variable in application/x-java-serialized-object is refused: 400 at Camunda REST (even"
        + " from the administrator), ENGINE-17007 inside the engine, and nothing starts");
  }

  @Test
  void cookiesAreSecureAndEveryResponseCarriesHsts() throws Exception {
    LoopbackClient.Response app = client.send("GET", "/camunda/app/tasklist/default/", Map.of(), null);
    LoopbackClient.Response login = client.webappLogin("kt.chuyenvien", "demo");
    LoopbackClient.Response api = client.send("GET", "/api/plans", Map.of(), null);
    LoopbackClient.Response engineRest = client.basicGet("/engine-rest/task", "kt.chuyenvien", "demo");

    assertThat(login.status()).isEqualTo(200);
    List<String> cookies = new ArrayList<>(app.headers().getOrDefault("set-cookie", List.of()));
    cookies.addAll(login.headers().getOrDefault("set-cookie", List.of()));
    assertThat(cookies).as("Set-Cookie of the app and of the login")
        .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="))
        .anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="))
        .allSatisfy(c -> assertThat(c).containsPattern("(?i);\\s*Secure(;|$)"));
    for (LoopbackClient.Response response : List.of(app, login, api, engineRest)) {
      assertThat(response.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    }
    checked("session and XSRF cookies carry Secure: " + cookies.size() + " Set-Cookie headers");
    checked("Strict-Transport-Security: max-age=31536000 on /camunda/app, the webapp login, /api (even"
        + " its 401) and /engine-rest");
  }

  @Test
  void loginThrottlingNeverLocksAnOfficialForGood() throws Exception {
    LoopbackClient guesser = new LoopbackClient("127.0.0.6", port);
    // Up to the longest block (2 s in the test profile), so the check below cannot miss it.
    guesser.failLogins("kt.phophong", limits.freeFailures() + 4);
    LoopbackClient.Response blocked = guesser.basicGet("/engine-rest/task", "kt.phophong", "demo");
    LoopbackClient.Response elsewhere = client.basicGet("/engine-rest/task", "kt.phophong", "demo");
    Thread.sleep(limits.maxDelay().plusMillis(100).toMillis());
    LoopbackClient.Response later = guesser.basicGet("/engine-rest/task", "kt.phophong", "demo");

    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.header("Retry-After")).isNotNull();
    assertThat(elsewhere.status()).isEqualTo(200);
    assertThat(later.status()).isEqualTo(200);
    checked("failed logins block only (address, account), answer 429 with Retry-After, and the block"
        + " ends (after at most " + limits.maxDelay().toMillis() + " ms here; planflow.login.max-delay)");
  }
}
