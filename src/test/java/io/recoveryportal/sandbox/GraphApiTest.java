package io.recoveryportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.directory.graph.GraphClients;
import io.recoveryportal.directory.graph.SandboxGraphSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox Graph's answers that the SDK hides or never provokes, checked on the wire. */
class GraphApiTest {

  private static final String JANE = "75e6eb66-f0af-5301-92f2-faf001d81f99";

  private static Sandbox sandbox;
  private static String token;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        Sandbox.start(
            Sandbox.Options.ephemeral(Path.of("config/sandbox/directory.json"), Path.of("target")));
    try (GraphClients clients = GraphClients.create(SandboxGraphSettings.of(sandbox))) {
      token = clients.acquireToken().accessToken();
    }
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void fresh() {
    sandbox.directory().reset();
    sandbox.faults().reset();
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sandbox.graphBaseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> authorized(
      String method, String path, String body, String... headers) throws Exception {
    List<String> all = new ArrayList<>(List.of(headers));
    all.addAll(List.of("Authorization", "Bearer " + token));
    return send(method, path, body, all.toArray(String[]::new));
  }

  private static String errorCode(HttpResponse<String> r) {
    return (String) Json.obj(Json.parseObject(r.body()).get("error")).get("code");
  }

  @Test
  void missingTokenIs401AndEveryAnswerHasARequestId() throws Exception {
    HttpResponse<String> r = send("GET", "/users/" + JANE, null);
    assertEquals(401, r.statusCode());
    assertEquals("InvalidAuthenticationToken", errorCode(r));
    assertTrue(r.headers().firstValue("request-id").isPresent());
    assertTrue(
        authorized("GET", "/users/" + JANE, null).headers().firstValue("request-id").isPresent());
  }

  @Test
  void unknownSegmentsAndMethods() throws Exception {
    HttpResponse<String> groups = authorized("GET", "/groups", null);
    assertEquals(400, groups.statusCode());
    assertTrue(groups.body().contains("Resource not found for the segment 'groups'."));
    assertEquals(404, authorized("GET", "/users/nobody@contoso.com", null).statusCode());
    assertEquals(
        405,
        authorized(
                "DELETE",
                "/users/"
                    + JANE
                    + "/authentication/passwordMethods/28c10230-6103-485e-b985-444c60001490",
                null)
            .statusCode());
    assertEquals(400, authorized("PATCH", "/users/" + JANE, "{\"shoeSize\":42}").statusCode());
  }

  @Test
  void countNeedsTheEventualConsistencyHeader() throws Exception {
    assertEquals(400, authorized("GET", "/users?$count=true", null).statusCode());
    HttpResponse<String> r =
        authorized(
            "GET", "/users?$count=true&$top=2&$select=id", null, "ConsistencyLevel", "eventual");
    Map<String, Object> body = Json.parseObject(r.body());
    assertEquals(
        sandbox.directory().accounts().size(), ((Number) body.get("@odata.count")).intValue());
    assertEquals(2, Json.list(body.get("value")).size());
  }

  @Test
  void batchOfMoreThanTwentyIsRefused() throws Exception {
    StringBuilder requests = new StringBuilder();
    for (int i = 1; i <= 21; i++) {
      requests
          .append(i > 1 ? "," : "")
          .append("{\"id\":\"")
          .append(i)
          .append("\",\"method\":\"GET\",\"url\":\"/users/")
          .append(JANE)
          .append("\"}");
    }
    HttpResponse<String> r = authorized("POST", "/$batch", "{\"requests\":[" + requests + "]}");
    assertEquals(400, r.statusCode());
    assertEquals(0, sandbox.directory().graphCalls());
  }

  @Test
  void failedDependencyIs424AndStepsAreThrottledOnTheirOwn() throws Exception {
    sandbox.faults().failNext(429, 1, "2");
    String body =
        "{\"requests\":["
            + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/"
            + JANE
            + "\"},"
            + "{\"id\":\"2\",\"method\":\"DELETE\",\"url\":\"/users/"
            + JANE
            + "/authentication/phoneMethods/e37fc753-ff3b-4958-9484-eaa9425c82bc\"},"
            + "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"users/"
            + JANE
            + "?$select=id\",\"dependsOn\":[\"2\"]},"
            + "{\"id\":\"4\",\"method\":\"GET\",\"url\":\"/users/"
            + JANE
            + "/authentication/methods\"}]}";
    HttpResponse<String> r = authorized("POST", "/$batch", body);
    assertEquals(200, r.statusCode());
    List<Object> responses = Json.list(Json.parseObject(r.body()).get("responses"));
    List<Integer> statuses =
        responses.stream().map(o -> ((Number) Json.obj(o).get("status")).intValue()).toList();
    assertEquals(List.of(429, 404, 424, 200), statuses);
    assertEquals("2", Json.obj(Json.obj(responses.get(0)).get("headers")).get("Retry-After"));
    assertEquals(3, sandbox.directory().graphCalls(), "the 424 step never ran");
  }

  @Test
  void aNewTemporaryAccessPassReplacesTheOldOne() throws Exception {
    String path = "/users/" + JANE + "/authentication/temporaryAccessPassMethods";
    HttpResponse<String> first = authorized("POST", path, "{\"lifetimeInMinutes\":60}");
    HttpResponse<String> second = authorized("POST", path, "{}");
    assertEquals(201, first.statusCode());
    assertEquals(201, second.statusCode());
    String pass = (String) Json.parseObject(second.body()).get("temporaryAccessPass");
    assertNotNull(pass);
    assertEquals(pass, sandbox.directory().temporaryAccessPass(JANE).orElseThrow());
    assertEquals(
        1,
        sandbox.directory().methods(JANE).stream()
            .filter(m -> m.type() == AuthMethodType.TEMPORARY_ACCESS_PASS)
            .count());
  }
}
