package io.recoveryportal.sandbox;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's SMTP server (GreenMail, loopback only, no authentication) and the pages that show
 * what it received, so a tester can open the portal's notification and activation mails and copy
 * their links.
 */
public final class Mailbox implements HttpHandler {

  /**
   * Links end at whitespace, quotes or angle brackets; trailing punctuation belongs to the
   * sentence.
   */
  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

  private static final Pattern HREF =
      Pattern.compile("(?is)<a\\s[^>]*href\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a>");

  /**
   * One received message. {@code to} holds the envelope recipients, so Bcc copies are visible;
   * {@code text} is the plain-text body, or the HTML body reduced to text when there is none;
   * {@code html} may be null.
   */
  public record Message(
      String id,
      String from,
      List<String> to,
      String subject,
      Instant date,
      String text,
      String html) {

    /** Every http(s) link in the message, text body first, in order and without repeats. */
    public List<String> links() {
      Set<String> found = new LinkedHashSet<>();
      collectLinks(text, found);
      if (html != null) {
        Matcher m = HREF.matcher(html);
        while (m.find()) {
          collectLinks(m.group(1), found);
        }
      }
      return List.copyOf(found);
    }

    /** The link a person would click, e.g. an activation or "this wasn't me" link. */
    public Optional<String> firstLink() {
      return links().stream().findFirst();
    }
  }

  private final GreenMail greenMail;

  private Mailbox(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  static Mailbox start(Sandbox sandbox, int port) {
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    GreenMail gm =
        new GreenMail(port == 0 ? setup.dynamicPort() : setup)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    gm.start();
    return new Mailbox(gm);
  }

  /** The port SMTP really listens on (the one asked for, or the free one picked for 0). */
  public int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  void stop() {
    greenMail.stop();
  }

  /** One recipient's copy: GreenMail delivers a message once per envelope recipient. */
  private record Copy(String recipient, StoredMessage stored) {}

  /** Everything received, newest first; a message sent to several recipients appears once. */
  public List<Message> messages() {
    Map<String, List<Copy>> byMessageId = new LinkedHashMap<>();
    try {
      ImapHostManager imap = greenMail.getManagers().getImapHostManager();
      for (GreenMailUser user : greenMail.getUserManager().listUser()) {
        for (StoredMessage m : imap.getInbox(user).getMessages()) {
          String key =
              Optional.ofNullable(m.getMimeMessage().getMessageID())
                  .orElse(user.getEmail() + "#" + m.getUid());
          byMessageId
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(new Copy(user.getEmail(), m));
        }
      }
      List<Message> out = new ArrayList<>();
      for (var e : byMessageId.entrySet()) {
        List<String> to = e.getValue().stream().map(Copy::recipient).distinct().toList();
        out.add(toMessage(e.getKey(), to, e.getValue().get(0).stored()));
      }
      out.sort(Comparator.comparing(Message::date).reversed());
      return out;
    } catch (FolderException | MessagingException e) {
      throw new IllegalStateException("Cannot read the sandbox mailbox", e);
    }
  }

  /** Waits for a message matching {@code wanted}, for tests of code that mails asynchronously. */
  public Optional<Message> await(Predicate<Message> wanted, Duration timeout)
      throws InterruptedException {
    Instant until = Instant.now().plus(timeout);
    do {
      Optional<Message> m = messages().stream().filter(wanted).findFirst();
      if (m.isPresent()) {
        return m;
      }
      Thread.sleep(50);
    } while (Instant.now().isBefore(until));
    return Optional.empty();
  }

  public void clear() {
    try {
      greenMail.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException("Cannot clear the sandbox mailbox", e);
    }
  }

  private static Message toMessage(String id, List<String> to, StoredMessage stored)
      throws MessagingException {
    MimeMessage mime = stored.getMimeMessage();
    Address[] from = mime.getFrom();
    String sender =
        from == null || from.length == 0
            ? ""
            : from[0] instanceof InternetAddress ia ? ia.toUnicodeString() : from[0].toString();
    String[] bodies = new String[2];
    try {
      collectBodies(mime, bodies);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // SMTP carries CRLF; testers and assertions want plain newlines
    String text =
        (bodies[0] != null ? bodies[0] : bodies[1] != null ? htmlToText(bodies[1]) : "")
            .replace("\r\n", "\n");
    Instant date =
        stored.getReceivedDate() != null
            ? stored.getReceivedDate().toInstant()
            : mime.getSentDate() != null ? mime.getSentDate().toInstant() : Instant.EPOCH;
    return new Message(
        id, sender, to, Optional.ofNullable(mime.getSubject()).orElse(""), date, text, bodies[1]);
  }

  /**
   * The first text/plain part into [0], the first text/html part into [1]; attachments are skipped.
   */
  private static void collectBodies(Part p, String[] bodies)
      throws MessagingException, IOException {
    if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
      return;
    }
    if (p.isMimeType("text/plain") && bodies[0] == null) {
      bodies[0] = String.valueOf(p.getContent());
    } else if (p.isMimeType("text/html") && bodies[1] == null) {
      bodies[1] = String.valueOf(p.getContent());
    } else if (p.isMimeType("multipart/*") && p.getContent() instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        collectBodies(mp.getBodyPart(i), bodies);
      }
    }
  }

  /** Enough HTML-to-text for reading a notification: links keep their address in brackets. */
  static String htmlToText(String html) {
    String s =
        HREF.matcher(html)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(2) + " (" + m.group(1) + ")"));
    s =
        s.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
            .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</h[1-6]>|</tr>", "\n")
            .replaceAll("<[^>]*>", "");
    s =
        s.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    return s.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").trim();
  }

  private static void collectLinks(String s, Set<String> found) {
    if (s == null) {
      return;
    }
    Matcher m = LINK.matcher(s.replace("&amp;", "&"));
    while (m.find()) {
      found.add(m.group().replaceAll("[.,;:!?)\\]]+$", ""));
    }
  }

  // ---- HTTP: the page, the JSON for tests, and clearing ----

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    if ("/mail/clear".equals(path)) {
      if ("POST".equals(method)) {
        clear();
        Http.redirect(ex, "/mail");
      } else {
        notAllowed(ex, "POST");
      }
    } else if (!"GET".equals(method)) {
      notAllowed(ex, "GET");
    } else if ("/mail/api/messages".equals(path)) {
      List<Message> all = messages();
      Http.json(
          ex,
          200,
          Json.of("count", all.size(), "messages", all.stream().map(Mailbox::json).toList()));
    } else if ("/mail".equals(path) || "/mail/".equals(path)) {
      Http.html(ex, 200, page(messages()));
    } else {
      Http.text(ex, 404, "not found");
    }
  }

  private static void notAllowed(HttpExchange ex, String allow) throws IOException {
    ex.getResponseHeaders().set("Allow", allow);
    Http.text(ex, 405, "method not allowed");
  }

  private static Map<String, Object> json(Message m) {
    return Json.of(
        "id",
        m.id(),
        "from",
        m.from(),
        "to",
        m.to(),
        "subject",
        m.subject(),
        "date",
        m.date().toString(),
        "text",
        m.text(),
        "html",
        m.html(),
        "links",
        m.links());
  }

  /** Everything from a message is escaped: a mail is untrusted input, even in a sandbox. */
  private String page(List<Message> all) {
    StringBuilder b =
        new StringBuilder("<h1>Mailbox</h1><p>")
            .append(all.size())
            .append(all.size() == 1 ? " message" : " messages")
            .append(" received on SMTP port ")
            .append(smtpPort())
            .append(", newest first. <a href=\"/mail\">Refresh</a></p>")
            .append(
                "<form method=\"post\" action=\"/mail/clear\"><button type=\"submit\">Delete all messages</button></form>");
    for (Message m : all) {
      b.append("<article><h2>")
          .append(Http.esc(m.subject().isEmpty() ? "(no subject)" : m.subject()))
          .append("</h2>")
          .append("<table><tr><th scope=\"row\">From</th><td>")
          .append(Http.esc(m.from()))
          .append("</td></tr><tr><th scope=\"row\">To</th><td>")
          .append(Http.esc(String.join(", ", m.to())))
          .append("</td></tr><tr><th scope=\"row\">Date</th><td>")
          .append(Http.esc(m.date()))
          .append("</td></tr></table><pre style=\"white-space:pre-wrap\">")
          .append(Http.esc(m.text()))
          .append("</pre>");
      List<String> links = m.links();
      if (!links.isEmpty()) {
        b.append("<p>Links in this message:</p><ul>");
        links.forEach(l -> b.append("<li><code>").append(Http.esc(l)).append("</code></li>"));
        b.append("</ul>");
      }
      if (m.html() != null) {
        b.append("<details><summary>HTML source</summary><pre style=\"white-space:pre-wrap\">")
            .append(Http.esc(m.html()))
            .append("</pre></details>");
      }
      b.append("</article><hr>");
    }
    return Http.page("Mailbox", b.toString());
  }
}
