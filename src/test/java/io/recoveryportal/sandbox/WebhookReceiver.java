package io.recoveryportal.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the portal's webhook receiver on 127.0.0.1: {@code /webhook} takes notifications
 * and {@code /token} is the portal's own client-credentials token endpoint that Incode calls first
 * in OAuth mode. It checks what it is configured to expect and records everything, so tests can see
 * what the sandbox sent.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One notification as received. */
  record Received(
      String event,
      Map<String, Object> payload,
      String authorization,
      String staticHeader,
      String contentType,
      String remoteAddress,
      int answered) {}

  /** One call of the token endpoint. */
  record TokenCall(String authorization, String body, int answered) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<TokenCall> tokenCalls = new CopyOnWriteArrayList<>();
  private final Deque<Integer> scripted = new ArrayDeque<>();
  private final Set<String> issued = ConcurrentHashMap.newKeySet();
  private volatile String clientId;
  private volatile String clientSecret;
  private volatile String headerName;
  private volatile String headerValue;
  private volatile String okContentType = "application/json";
  private volatile long tokenLifetime = 3600;

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/webhook", this::webhook);
    server.createContext("/token", this::token);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String webhookUrl() {
    return base() + "/webhook";
  }

  String tokenUrl() {
    return base() + "/token";
  }

  /** Only bearer tokens issued by {@code /token} to this client are accepted. */
  void expectOAuth(String id, String secret) {
    this.clientId = id;
    this.clientSecret = secret;
  }

  /** Only notifications carrying this header and value are accepted. */
  void expectHeader(String name, String value) {
    this.headerName = name;
    this.headerValue = value;
  }

  /** The next notifications are answered with these statuses, in order; then the normal 200. */
  synchronized void answerNext(Integer... statuses) {
    scripted.addAll(List.of(statuses));
  }

  /**
   * Content type of the normal 200 (Incode only counts 200 + application/json, or 204, as
   * delivered).
   */
  void okContentType(String type) {
    this.okContentType = type;
  }

  void tokenLifetime(long seconds) {
    this.tokenLifetime = seconds;
  }

  /**
   * Makes every token issued so far unknown, as if the portal restarted: the next notification gets
   * 401.
   */
  void forgetTokens() {
    issued.clear();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  List<String> events(String interviewId) {
    return received.stream()
        .filter(r -> interviewId.equals(r.payload().get("interviewId")))
        .map(Received::event)
        .toList();
  }

  List<TokenCall> tokenCalls() {
    return List.copyOf(tokenCalls);
  }

  private synchronized Optional<Integer> nextScripted() {
    return Optional.ofNullable(scripted.poll());
  }

  private void webhook(HttpExchange ex) throws IOException {
    String body = Http.body(ex);
    Map<String, Object> payload;
    try {
      payload = Json.parseObject(body);
    } catch (IllegalArgumentException e) {
      payload = Map.of();
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String header = headerName == null ? null : ex.getRequestHeaders().getFirst(headerName);
    int status;
    if (clientId != null
        && (auth == null || !auth.startsWith("Bearer ") || !issued.contains(auth.substring(7)))) {
      status = 401;
    } else if (headerName != null && !headerValue.equals(header)) {
      status = 401;
    } else {
      status = nextScripted().orElse(200);
    }
    received.add(
        new Received(
            String.valueOf(payload.get("event")),
            payload,
            auth,
            header,
            ex.getRequestHeaders().getFirst("Content-Type"),
            ex.getRemoteAddress().getAddress().getHostAddress(),
            status));
    if (status == 200) {
      Http.send(ex, 200, okContentType, "{\"success\":true}");
    } else if (status == 204) {
      Http.empty(ex, 204);
    } else {
      Http.text(ex, status, "no");
    }
  }

  private void token(HttpExchange ex) throws IOException {
    String body = Http.body(ex);
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    Optional<String[]> basic = Http.basicCredentials(ex);
    boolean ok =
        basic.isPresent()
            && basic.get()[0].equals(clientId)
            && basic.get()[1].equals(clientSecret)
            && "client_credentials".equals(Http.decodeForm(body).get("grant_type"));
    tokenCalls.add(new TokenCall(auth, body, ok ? 200 : 401));
    if (!ok) {
      Http.json(ex, 401, Json.of("error", "invalid_client"));
      return;
    }
    String token = UUID.randomUUID().toString();
    issued.add(token);
    Http.json(
        ex,
        200,
        Json.of("access_token", token, "token_type", "Bearer", "expires_in", tokenLifetime));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
