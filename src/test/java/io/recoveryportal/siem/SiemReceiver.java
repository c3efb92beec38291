package io.recoveryportal.siem;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.recoveryportal.sandbox.SelfSignedTls;
import io.recoveryportal.security.OutboundTls;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A real HTTPS collector on loopback, with a throw-away certificate, that takes Splunk HEC
 * requests: it checks the token, keeps every event it accepted in arrival order, and can be told to
 * answer 503 (a SIEM that is down).
 */
final class SiemReceiver implements AutoCloseable {

  static final String TOKEN = "hec-token-for-tests";

  private final SelfSignedTls tls = new SelfSignedTls();
  private final HttpsServer server;
  private final List<JsonObject> accepted = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean down;

  SiemReceiver() throws IOException {
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
    server.createContext(
        "/services/collector/event",
        ex -> {
          try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (down) {
              refused.incrementAndGet();
              ex.sendResponseHeaders(503, -1);
              return;
            }
            if (!("Splunk " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
              ex.sendResponseHeaders(401, -1);
              return;
            }
            List<JsonObject> events = new ArrayList<>();
            for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
              if (!line.isBlank()) {
                events.add(Json.createReader(new StringReader(line)).readObject());
              }
            }
            accepted.addAll(events);
            byte[] ok = "{\"text\":\"Success\",\"code\":0}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
          }
        });
    server.start();
  }

  URI url() {
    return URI.create(
        "https://127.0.0.1:" + server.getAddress().getPort() + "/services/collector/event");
  }

  /**
   * The client's trust: this receiver's certificate alone, through the portal's own trust-store
   * code.
   */
  SSLContext clientTls() throws IOException {
    Path file = Files.createTempFile("siem-trust", ".p12");
    tls.writeTrustStore(file);
    return OutboundTls.context(
        OutboundTls.trustManager(file, new String(SelfSignedTls.TRUST_STORE_PASSWORD)));
  }

  void down(boolean down) {
    this.down = down;
  }

  int refused() {
    return refused.get();
  }

  /** The chain places of the accepted events, in arrival order. */
  List<Long> seqs() {
    synchronized (accepted) {
      return accepted.stream()
          .map(e -> e.getJsonObject("event").getJsonNumber("seq").longValue())
          .toList();
    }
  }

  List<JsonObject> accepted() {
    synchronized (accepted) {
      return List.copyOf(accepted);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
