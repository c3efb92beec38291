package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.PortalProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, sent as raw HTTP (odd methods and content types that an HTTP client library would not
 * send): each gets a 4xx (or, for a mangled callback, the "link problem" page) with the portal's
 * own page and headers, and writes at most one line to the portal's log, without a stack trace and
 * without what was sent. Each of these answered 500 or 501 and logged 50-100 lines before.
 */
class BadInputIT {

  /** Put into every request, so the test can tell whether the log quotes what was sent. */
  private static final String MARKER = "zq7Marker";

  private static final Pattern LOG_RECORD = Pattern.compile("^\\[\\d{4}-\\d{2}-\\d{2}T.*");

  private final PortalProcess portal = TestEnvironment.portal();

  /**
   * {@code heading} null: a redirect into the portal; {@code portalPage} false: answered by the
   * container (see below).
   */
  record Case(String name, String request, int status, String heading, boolean portalPage) {

    Case(String name, String request, int status, String heading) {
      this(name, request, status, heading, true);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> badRequests() {
    String form = "application/x-www-form-urlencoded";
    return Stream.of(
            new Case(
                "stateless view state",
                post(
                    "/index.xhtml",
                    form,
                    "start=start&start%3Aemail="
                        + MARKER
                        + "%40contoso.com&jakarta.faces.ViewState=stateless"),
                400,
                "We could not read that request"),
            new Case(
                "multipart without a boundary",
                post("/index.xhtml", "multipart/form-data", "start=" + MARKER),
                400,
                "We could not read that request"),
            new Case(
                "multipart with a broken body",
                post(
                    "/index.xhtml",
                    "multipart/form-data; boundary=XyZ",
                    "--XyZ\r\nContent-Disposition: form-data; name=\""
                        + MARKER
                        + "\"\r\n\r\nno end"),
                400,
                "We could not read that request"),
            new Case(
                "a form body over 2 MB",
                post("/index.xhtml", form, MARKER + "=" + "a".repeat(2 * 1024 * 1024 + 10)),
                413,
                "What you sent is too large"),
            // the bulk invitation upload: a CSV over the 1 MB file limit, and one over the 2 MB
            // request limit
            new Case(
                "a CSV of 1.5 MB",
                post(
                    "/admin/invitations.xhtml",
                    "multipart/form-data; boundary=XyZ",
                    multipart("XyZ", csv(1536 * 1024))),
                413,
                "What you sent is too large"),
            new Case(
                "a CSV of 2.5 MB",
                post(
                    "/admin/invitations.xhtml",
                    "multipart/form-data; boundary=XyZ",
                    multipart("XyZ", csv(2560 * 1024))),
                413,
                "What you sent is too large"),
            new Case(
                "a form body without a length",
                "POST /index.xhtml HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                    + form
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n9\r\n"
                    + MARKER
                    + "\r\n0\r\n\r\n",
                411,
                "We could not read that request"),
            new Case(
                "PATCH", request("PATCH", "/index.xhtml"), 405, "That is not how this page works"),
            new Case("PROPFIND", request("PROPFIND", "/"), 405, "That is not how this page works"),
            new Case(
                "CONNECT",
                request("CONNECT", "/?" + MARKER),
                405,
                "That is not how this page works"),
            // a target that is not a path never reaches the portal: the container answers 400
            // itself, without the
            // portal's page or headers (README, known limits), and logs nothing
            new Case(
                "CONNECT to a host and port",
                "CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\nX-Probe: "
                    + MARKER
                    + "\r\nConnection: close\r\n\r\n",
                400,
                null,
                false),
            new Case(
                "a made-up method",
                request("FROBNICATE", "/recover.xhtml"),
                405,
                "That is not how this page works"),
            new Case("TRACE", request("TRACE", "/"), 405, "That is not how this page works"),
            new Case("OPTIONS", request("OPTIONS", "/"), 405, "That is not how this page works"),
            new Case(
                "a postback by GET",
                request(
                    "GET",
                    "/index.xhtml?start=start&start%3Aemail="
                        + MARKER
                        + "&start%3Acontinue=Continue&jakarta.faces.ViewState=1%3A2"),
                405,
                "That is not how this page works"),
            new Case(
                "a callback with a broken escape",
                request("GET", "/verify/callback?code=%zz" + MARKER + "&state=%"),
                302,
                null),
            new Case(
                "a callback with characters a URI cannot hold",
                request("GET", "/verify/callback?code=a|b^" + MARKER + "&state={}"),
                302,
                null),
            new Case(
                "a staff callback with a broken escape",
                request("GET", "/staff/callback?code=%zz" + MARKER + "&state=%"),
                302,
                null),
            new Case(
                "a page parameter with a broken escape",
                request("GET", "/index.xhtml?email=%zz" + MARKER),
                200,
                "Get back into your work account"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void isRefusedCalmly(Case c) throws Exception {
    int logBefore = portal.output().size();
    String response = send(c.request());
    String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
    int status = Integer.parseInt(head.substring(9, 12));
    assertEquals(c.status(), status, c.name() + ":\n" + head);
    assertCalmLog(c, logBefore);
    if (!c.portalPage()) {
      return;
    }
    String lowerHead = head.toLowerCase(Locale.ROOT);
    assertTrue(
        lowerHead.contains("content-security-policy:"),
        c.name() + ": the portal's headers are missing\n" + head);
    assertTrue(lowerHead.contains("x-content-type-options: nosniff"), c.name() + "\n" + head);
    assertFalse(lowerHead.contains("www-authenticate"), c.name() + "\n" + head);
    if (status == 405) {
      assertTrue(lowerHead.contains("allow: get, head, post"), c.name() + "\n" + head);
    }
    if (c.heading() != null) {
      assertTrue(
          response.contains("<h1>" + c.heading()),
          c.name() + ": not the portal's page\n" + response);
    } else {
      assertTrue(lowerHead.contains("location: " + portal.baseUrl() + "/"), c.name() + "\n" + head);
    }
    for (String leak :
        List.of("Exception", "at io.recoveryportal", "Payara", "GlassFish", "Mojarra", "Grizzly")) {
      assertFalse(response.contains(leak), c.name() + " shows '" + leak + "'");
    }
  }

  private void assertCalmLog(Case c, int logBefore) throws InterruptedException {
    List<String> logged = newLogLines(logBefore);
    long records = logged.stream().filter(l -> LOG_RECORD.matcher(l).matches()).count();
    assertTrue(
        records <= 1, c.name() + " logged " + records + " records:\n" + String.join("\n", logged));
    assertTrue(
        logged.stream().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")),
        c.name() + " logged a stack trace:\n" + String.join("\n", logged));
    assertTrue(
        logged.stream().noneMatch(l -> l.contains(MARKER)),
        c.name() + " quoted the request in the log:\n" + String.join("\n", logged));
  }

  /** What the portal logged after {@code from}, once its output has been quiet for a moment. */
  private List<String> newLogLines(int from) throws InterruptedException {
    int size = -1;
    for (int i = 0; i < 20 && size != portal.output().size(); i++) {
      size = portal.output().size();
      Thread.sleep(150);
    }
    List<String> all = portal.output();
    return all.subList(Math.min(from, all.size()), all.size());
  }

  private static String request(String method, String target) {
    return method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
  }

  private static String post(String target, String contentType, String body) {
    return "POST "
        + target
        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
        + contentType
        + "\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }

  private static String multipart(String boundary, String fileContent) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\"bulk:file\"; filename=\""
        + MARKER
        + ".csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n"
        + fileContent
        + "\r\n--"
        + boundary
        + "--\r\n";
  }

  private static String csv(int bytes) {
    String row = "someone@contoso.com,someone.personal@example.net\n";
    return "upn,personal_email\n" + row.repeat(bytes / row.length());
  }

  /**
   * One request on its own connection; the whole answer, or what came before the portal closed it.
   */
  private String send(String request) throws IOException {
    try (Socket s = new Socket("localhost", portal.port())) {
      // the container may keep a connection it answered itself open: what it sent is read within
      // this time
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        // a refusal can close the connection before a large body is all sent: read what came back
      }
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) > 0; ) {
          got.write(buf, 0, n);
        }
      } catch (IOException e) {
        // connection reset after the answer
      }
      return got.toString(StandardCharsets.UTF_8);
    }
  }
}
