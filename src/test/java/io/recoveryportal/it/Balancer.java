package io.recoveryportal.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.recoveryportal.sandbox.PortalProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load balancer in front of a test cluster, as a platform would run one: sticky sessions by a
 * cookie of its own (a browser stays on the node that served it first), a dead node's browsers
 * moved to a live one, and the client's address appended to {@code X-Forwarded-For}. The test
 * chooses which node new browsers go to, which address the "client" has, and may send one path to a
 * given node (a callback that lands elsewhere). It records which node answered what, and every
 * status a node answered, so a test can tell the portal's 5xx from its own 502.
 */
final class Balancer implements AutoCloseable {

  static final String AFFINITY = "lb-node";
  private static final Pattern AFFINITY_COOKIE =
      Pattern.compile("(?:^|;\\s*)" + AFFINITY + "=([^;]+)");
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "host",
          "connection",
          "content-length",
          "expect",
          "upgrade",
          "transfer-encoding",
          "keep-alive",
          "x-forwarded-for");

  /** One request as the balancer passed it on. */
  record Hop(String method, String path, String node, int status) {}

  private final HttpServer server;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<String, PortalProcess> nodes = new ConcurrentHashMap<>();
  private final Map<String, String> pathOverrides = new ConcurrentHashMap<>();
  private final List<Hop> hops = new CopyOnWriteArrayList<>();
  private volatile String newBrowsersTo;
  private volatile String clientAddress = "198.51.100.1";

  Balancer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  void node(String name, PortalProcess portal) {
    nodes.put(name, portal);
    if (newBrowsersTo == null) {
      newBrowsersTo = name;
    }
  }

  /** Where browsers without a (live) node of their own go from now on. */
  void newBrowsersTo(String name) {
    newBrowsersTo = name;
  }

  /** The address the balancer says its client has, from now on. */
  void clientAddress(String address) {
    clientAddress = address;
  }

  /**
   * Requests whose path starts with {@code prefix} go to {@code name}, and the browser stays there
   * afterwards.
   */
  void send(String prefix, String name) {
    pathOverrides.put(prefix, name);
  }

  void clearOverrides() {
    pathOverrides.clear();
  }

  List<Hop> hops() {
    return List.copyOf(hops);
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      forward(ex);
    } catch (RuntimeException | IOException e) {
      // the JDK's server would close the connection without a word: say what went wrong in the
      // test's output
      e.printStackTrace();
      throw e;
    }
  }

  private void forward(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      String sticky =
          Optional.ofNullable(ex.getRequestHeaders().getFirst("Cookie"))
              .map(AFFINITY_COOKIE::matcher)
              .filter(Matcher::find)
              .map(m -> m.group(1))
              .orElse(null);
      String name =
          pathOverrides.entrySet().stream()
              .filter(e -> path.startsWith(e.getKey()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(sticky != null && alive(sticky) ? sticky : newBrowsersTo);
      if (!alive(name)) {
        name = nodes.keySet().stream().filter(this::alive).findFirst().orElse(name);
      }
      PortalProcess node = nodes.get(name);
      HttpRequest.Builder out =
          HttpRequest.newBuilder(URI.create(node.baseUrl() + ex.getRequestURI().toString()))
              .timeout(Duration.ofSeconds(90));
      ex.getRequestHeaders()
          .forEach(
              (k, values) -> {
                if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT))) {
                  values.forEach(v -> out.header(k, v));
                }
              });
      out.header("X-Forwarded-For", clientAddress);
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      out.method(
          ex.getRequestMethod(),
          body.length == 0
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      HttpResponse<byte[]> answer;
      try {
        answer = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException died) {
        // the node went away in the middle of the request: what a balancer answers then
        hops.add(new Hop(ex.getRequestMethod(), path, name, -1));
        ex.sendResponseHeaders(502, -1);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ex.sendResponseHeaders(503, -1);
        return;
      }
      hops.add(new Hop(ex.getRequestMethod(), path, name, answer.statusCode()));
      String nodeBase = node.baseUrl();
      answer
          .headers()
          .map()
          .forEach(
              (k, values) -> {
                if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT))) {
                  // a redirect the node made absolute from the Host it was sent (its own address)
                  // points back here,
                  // as a proxy that passes the Host on, or rewrites Location, would have it
                  ex.getResponseHeaders()
                      .put(
                          k,
                          new java.util.ArrayList<>(
                              values.stream()
                                  .map(
                                      v ->
                                          k.equalsIgnoreCase("Location") && v.startsWith(nodeBase)
                                              ? url() + v.substring(nodeBase.length())
                                              : v)
                                  .toList()));
                }
              });
      if (!name.equals(sticky)) {
        ex.getResponseHeaders().add("Set-Cookie", AFFINITY + "=" + name + "; Path=/; HttpOnly");
      }
      byte[] payload = answer.body();
      boolean empty = payload.length == 0 || "HEAD".equals(ex.getRequestMethod());
      ex.sendResponseHeaders(answer.statusCode(), empty ? -1 : payload.length);
      if (!empty) {
        try (OutputStream o = ex.getResponseBody()) {
          o.write(payload);
        }
      }
    }
  }

  private boolean alive(String name) {
    PortalProcess p = name == null ? null : nodes.get(name);
    return p != null && p.isAlive();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
