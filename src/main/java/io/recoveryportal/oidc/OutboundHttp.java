package io.recoveryportal.oidc;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * Every call the relying party makes to its provider goes through here: discovery, JWKS, token and
 * userinfo; so do the calls of Incode's B2B API. One place for the timeouts, the outbound TLS
 * context, "never follow a redirect" and a size cap.
 *
 * <p>It uses {@link HttpClient} rather than Nimbus's default {@code HttpURLConnection} for a
 * security reason: {@code HttpURLConnection} silently re-sends a POST once when a kept-alive
 * connection turns out closed ({@code sun.net.http.retryPost}, on by default), which would redeem
 * an authorization code twice, or open two verification sessions. HttpClient retries only
 * idempotent requests, and a refused connection (which never reached the provider).
 */
public final class OutboundHttp implements HTTPRequestSender, ResourceRetriever {

  /** Far above any discovery document, JWKS, token or userinfo response. */
  static final int MAX_RESPONSE_BYTES = 256 * 1024;

  /** Set by HttpClient itself; it refuses them as request headers. */
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final Duration readTimeout;
  private final ExchangeObserver observer;

  OutboundHttp(OidcSettings settings, ExchangeObserver observer) {
    this(settings.connectTimeout(), settings.readTimeout(), settings.tls(), observer);
  }

  /**
   * For other calls to the same providers outside an OpenID login (Incode's B2B API); {@code tls}
   * null means the JVM's default trust.
   */
  public OutboundHttp(Duration connectTimeout, Duration readTimeout, SSLContext tls) {
    this(connectTimeout, readTimeout, tls, ExchangeObserver.NONE);
  }

  /**
   * As {@link #OutboundHttp(Duration, Duration, SSLContext)}, telling {@code observer} of every
   * call.
   */
  public OutboundHttp(
      Duration connectTimeout, Duration readTimeout, SSLContext tls, ExchangeObserver observer) {
    this.observer = observer;
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout);
    if (tls != null) {
      b.sslContext(tls);
    }
    this.client = b.build();
    this.readTimeout = readTimeout;
  }

  /**
   * Sends a Nimbus request; an {@link java.net.http.HttpTimeoutException} means no answer in time.
   */
  public HTTPResponse send(HTTPRequest request) throws IOException {
    return request.send(this);
  }

  @Override
  public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(request.getURI()).timeout(readTimeout);
    request
        .getHeaderMap()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
              }
            });
    String body = request.getBody();
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    b.method(request.getMethod().name(), publisher);
    HttpResponse<InputStream> response;
    String content;
    long sent = System.nanoTime();
    try {
      response = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      content = read(response.body());
    } catch (InterruptedException e) {
      observer.exchanged(request.getURI(), 0, System.nanoTime() - sent);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(
          "interrupted while waiting for " + request.getURI().getHost());
    } catch (IOException e) {
      observer.exchanged(request.getURI(), 0, System.nanoTime() - sent);
      throw e;
    }
    observer.exchanged(request.getURI(), response.statusCode(), System.nanoTime() - sent);
    Map<String, List<String>> headers =
        response.headers().map().entrySet().stream()
            .filter(e -> !e.getKey().startsWith(":"))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    int status = response.statusCode();
    return new ReadOnlyHTTPResponse() {
      @Override
      public int getStatusCode() {
        return status;
      }

      @Override
      public String getStatusMessage() {
        return null;
      }

      @Override
      public Map<String, List<String>> getHeaderMap() {
        return headers;
      }

      @Override
      public String getBody() {
        return content;
      }
    };
  }

  /** For the JWKS source: a GET through the same client, refusing anything but a 2xx. */
  @Override
  public Resource retrieveResource(URL url) throws IOException {
    HTTPResponse r;
    try {
      r = send(new HTTPRequest(HTTPRequest.Method.GET, url.toURI()));
    } catch (URISyntaxException e) {
      throw new IOException("not a usable URL: " + url, e);
    }
    if (r.getStatusCode() / 100 != 2) {
      throw new IOException("HTTP " + r.getStatusCode() + " from " + url);
    }
    return new Resource(r.getBody(), r.getHeaderValue("Content-Type"));
  }

  private static String read(InputStream in) throws IOException {
    try (in) {
      byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
      if (bytes.length > MAX_RESPONSE_BYTES) {
        throw new IOException("response larger than " + MAX_RESPONSE_BYTES + " bytes");
      }
      return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
