package io.recoveryportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's SMTP mailbox, fed by Jakarta Mail as the portal will feed it, read back over HTTP
 * and in Java.
 */
class MailboxTest {

  private static Sandbox sandbox;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    sandbox = OidcRelyingParty.startSandbox();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void empty() {
    sandbox.mailbox().clear();
  }

  private static Session smtp() {
    Properties p = new Properties();
    Map<String, String> config = sandbox.portalConfig("http://localhost:8080");
    p.put("mail.smtp.host", config.get("mail.smtp.host"));
    p.put("mail.smtp.port", config.get("mail.smtp.port"));
    p.put("mail.smtp.connectiontimeout", "2000");
    p.put("mail.smtp.timeout", "2000");
    return Session.getInstance(p);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(sandbox.httpBase() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aNotificationIsReadBackAsJson() throws Exception {
    assertNotEquals(
        0, sandbox.smtpPort(), "port 0 asked for any free port; the real one is exposed");
    MimeMessage m = new MimeMessage(smtp());
    m.setFrom(new InternetAddress("no-reply@contoso.com", "Account recovery"));
    m.setRecipient(RecipientType.TO, new InternetAddress("jane.smith@contoso.com"));
    m.setRecipient(RecipientType.BCC, new InternetAddress("jane.smith.home@example.net"));
    m.setSubject("Your password was reset", "UTF-8");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(
        "Hello Jane,\nif this wasn't you, open https://portal.example/report?t=abc123.\n", "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setContent(
        "<p>Hello Jane,</p><p><a href=\"https://portal.example/report?t=abc123&amp;x=1\">This wasn't me</a></p>",
        "text/html; charset=UTF-8");
    m.setContent(new MimeMultipart("alternative", text, html));
    Transport.send(m);

    HttpResponse<String> r = get("/mail/api/messages");
    assertEquals(200, r.statusCode());
    Map<String, Object> body = Json.parseObject(r.body());
    assertEquals(
        1, ((Number) body.get("count")).intValue(), "one message, although it had two recipients");
    Map<String, Object> msg = Json.obj(Json.list(body.get("messages")).get(0));
    assertEquals("Your password was reset", msg.get("subject"));
    assertEquals("Account recovery <no-reply@contoso.com>", msg.get("from"));
    assertEquals(
        List.of("jane.smith.home@example.net", "jane.smith@contoso.com"),
        Json.list(msg.get("to")).stream().sorted().toList());
    assertTrue(
        String.valueOf(msg.get("text")).startsWith("Hello Jane,\nif this wasn't you"),
        String.valueOf(msg.get("text")));
    assertEquals(
        List.of(
            "https://portal.example/report?t=abc123", "https://portal.example/report?t=abc123&x=1"),
        msg.get("links"));

    Mailbox.Message inJava = sandbox.mailbox().messages().get(0);
    assertEquals("https://portal.example/report?t=abc123", inJava.firstLink().orElseThrow());
    assertTrue(inJava.html().contains("This wasn't me"));
  }

  @Test
  void anHtmlOnlyMessageIsShownEscapedWithItsLinksAsText() throws Exception {
    MimeMessage m = new MimeMessage(smtp());
    m.setFrom("no-reply@contoso.com");
    m.setRecipients(RecipientType.TO, "sofia.rossi.personal@example.net");
    m.setSubject("Welcome <b>Sofia</b>");
    m.setContent(
        "<h1>Welcome</h1><script>alert(1)</script><p>Activate: <a href='https://portal.example/activate/XYZ'>start here</a></p>",
        "text/html; charset=UTF-8");
    Transport.send(m);

    Mailbox.Message got =
        sandbox
            .mailbox()
            .await(x -> x.subject().startsWith("Welcome"), Duration.ofSeconds(2))
            .orElseThrow();
    assertEquals("Welcome\nActivate: start here (https://portal.example/activate/XYZ)", got.text());
    assertEquals("https://portal.example/activate/XYZ", got.firstLink().orElseThrow());

    String page = get("/mail").body();
    assertFalse(
        page.contains("<script>alert(1)</script>"), "mail content is never rendered as HTML");
    assertTrue(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the HTML source is shown escaped");
    assertTrue(page.contains("Welcome &lt;b&gt;Sofia&lt;/b&gt;"));
    assertTrue(
        page.contains("<code>https://portal.example/activate/XYZ</code>"),
        "the link can be copied");
  }

  @Test
  void newestFirstAndClearing() throws Exception {
    for (String subject : List.of("first", "second")) {
      MimeMessage m = new MimeMessage(smtp());
      m.setFrom("no-reply@contoso.com");
      m.setRecipients(RecipientType.TO, "helen.park@contoso.com");
      m.setSubject(subject);
      m.setText("body of " + subject);
      Transport.send(m);
      Thread.sleep(20);
    }
    assertEquals(
        List.of("second", "first"),
        sandbox.mailbox().messages().stream().map(Mailbox.Message::subject).toList());
    assertNull(sandbox.mailbox().messages().get(0).html());

    assertEquals(405, get("/mail/clear").statusCode());
    HttpResponse<String> cleared =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(sandbox.mailboxUrl() + "/clear"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, cleared.statusCode());
    assertEquals(
        0, ((Number) Json.parseObject(get("/mail/api/messages").body()).get("count")).intValue());
    assertEquals(404, get("/mail/nothing-here").statusCode());
  }
}
