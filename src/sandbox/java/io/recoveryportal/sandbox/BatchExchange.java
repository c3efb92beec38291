package io.recoveryportal.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One request of a JSON {@code $batch}, as an in-memory exchange: it runs through exactly the
 * handlers, fault injection and permission checks of a direct call, and its answer is captured for
 * the batch response. A write whose answer the sandbox delays or drops ({@link Faults.WriteFault})
 * is applied through one of these too.
 */
final class BatchExchange extends HttpExchange {

  private final String method;
  private final URI uri;
  private final Headers requestHeaders;
  private final InputStream requestBody;
  private final Headers responseHeaders = new Headers();
  private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
  private final Map<String, Object> attributes = new HashMap<>();
  private final HttpExchange outer;
  private int status = -1;

  BatchExchange(HttpExchange outer, String method, URI uri, Headers requestHeaders, byte[] body) {
    this.outer = outer;
    this.method = method;
    this.uri = uri;
    this.requestHeaders = requestHeaders;
    this.requestBody = new ByteArrayInputStream(body);
  }

  int status() {
    return status;
  }

  String body() {
    return responseBody.toString(StandardCharsets.UTF_8);
  }

  @Override
  public Headers getRequestHeaders() {
    return requestHeaders;
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return uri;
  }

  @Override
  public String getRequestMethod() {
    return method;
  }

  @Override
  public HttpContext getHttpContext() {
    return outer.getHttpContext();
  }

  @Override
  public void close() {
    // nothing to release: the batch response is written by the outer exchange
  }

  @Override
  public InputStream getRequestBody() {
    return requestBody;
  }

  @Override
  public OutputStream getResponseBody() {
    return responseBody;
  }

  @Override
  public void sendResponseHeaders(int code, long length) {
    status = code;
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return outer.getRemoteAddress();
  }

  @Override
  public int getResponseCode() {
    return status;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return outer.getLocalAddress();
  }

  @Override
  public String getProtocol() {
    return outer.getProtocol();
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  @Override
  public void setStreams(InputStream i, OutputStream o) {
    throw new UnsupportedOperationException("a batch step has fixed streams");
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return outer.getPrincipal();
  }
}
