package io.recoveryportal.i18n;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * No words for people outside the bundles. Pages: every text node and every text attribute (value,
 * title, alt, placeholder, aria-label, requiredMessage, itemLabel) holds only EL, and no EL holds a
 * quoted phrase. Java: no sentence-like string literal, except in the few places listed below that
 * never reach a page or a mail. And every key a page or Java names literally is in the English
 * bundle.
 */
class NoLiteralTextTest {

  private static final Path PAGES = Path.of("webapp");
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Set<String> TEXT_ATTRIBUTES =
      Set.of("value", "title", "alt", "placeholder", "aria-label", "requiredmessage", "itemlabel");

  /** EL, which may hold anything but a quoted phrase (checked apart). */
  private static final Pattern EL = Pattern.compile("#\\{[^}]*\\}");

  /**
   * A quoted string inside EL; a phrase in one ("'Choose a new password'") is words, a key
   * ('recover.title') is not.
   */
  private static final Pattern EL_STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'");

  private static final Pattern PHRASE = Pattern.compile("[A-Za-z]{2,}[ ,:;!?]+[A-Za-z]");

  /** A Java string literal. */
  private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  /** A literal that reads as words for a person: three words or more. */
  private static final Pattern SENTENCE =
      Pattern.compile("[A-Za-z]{2,}(?:[ ,;:]+[A-Za-z'()]+){2,}");

  /** Elements whose value attribute is a binding or a parameter, never text. */
  private static final Set<String> NOT_TEXT =
      Set.of("ui:param", "f:param", "f:viewParam", "f:metadata", "meta", "input");

  /**
   * The packages whose code makes what people read: pages and their beans, mails, and the services
   * that answer them with a message. The rest (adapters, persistence, security, metrics,
   * configuration) speaks to operators and logs.
   */
  private static final Set<String> REACHES_PEOPLE =
      Set.of(
          "web",
          "i18n",
          "notification",
          "activation",
          "helpdesk",
          "review",
          "audittrail",
          "reset",
          "recovery",
          "staff");

  /**
   * Lines whose literals never reach a person's page or mail: logs, exceptions, audit details,
   * queries, metrics.
   */
  private static final Pattern NOT_FOR_PEOPLE =
      Pattern.compile(
          "LOG\\.|Logger|\\.log\\(|throw new|Exception\\(|IllegalArgument|IllegalState|\\.audit\\(|\\.note\\(|record\\(|advance\\("
              + "|createQuery|createNativeQuery|prepareStatement|\"(select|update|insert|delete) |\" (and|or|where|order) "
              + "|withData\\(|\\.description\\(|super\\(|gauge\\(|counter\\(|timer\\(|ofPattern\\(");

  /**
   * Whole files of words that are not page or mail text, each with why: metric help for Prometheus;
   * the matching rules' explanations, which are evidence recorded with the decision (in the
   * portal's one record language, English) and shown to reviewers as recorded; configuration and
   * start-up problems for operators; the audit chain's own description of what it found, and the
   * audit wording of attempts and resets (with the case detail a verdict records).
   */
  private static final Set<String> ALLOWED_FILES =
      Set.of(
          "metrics/Meters.java",
          "persistence/PoolMetrics.java",
          "review/QueueMetrics.java",
          "web/PortalMetrics.java",
          "matching/NameRules.java",
          "matching/DisplayNameRule.java",
          "matching/BirthdateRule.java",
          "matching/DocumentName.java",
          "matching/IdentityMatcher.java",
          "matching/SurnameConvention.java",
          "matching/NameNormalizer.java",
          "config/RequiredSettings.java",
          "config/StartupChecks.java",
          "audit/ChainVerifier.java",
          "audit/VerifyAuditChain.java",
          "audittrail/AuditRetentionJob.java",
          "helpdesk/HelpdeskProgress.java",
          "recovery/ActivationPolicy.java",
          "recovery/KindPolicy.java",
          "reset/ResetService.java",
          "reset/ReadBack.java",
          "recovery/Verdicts.java",
          // log wording, and protocol values (headers, cookies, scopes, JSON answers to Incode's
          // webhooks)
          "web/RequestRules.java",
          "web/SecurityHeadersFilter.java",
          "staff/StaffSettings.java",
          "i18n/LanguageFilter.java",
          "helpdesk/webhook/WebhookServlet.java",
          "helpdesk/webhook/WebhookDesk.java",
          // the audit trail's wording of a refusal and of a start
          "recovery/RefusalReason.java",
          "recovery/RecoveryStart.java");

  @Test
  void pagesHoldOnlyKeys() throws Exception {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(PAGES)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
        Document doc = parse(p);
        visit(doc.getDocumentElement(), p, found);
      }
    }
    assertTrue(found.isEmpty(), "words outside #{msg[...]}:\n" + String.join("\n", found));
  }

  @Test
  void javaHoldsNoSentencesForPeople() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String rel =
            SOURCES.resolve("io/recoveryportal").relativize(p).toString().replace('\\', '/');
        if (!REACHES_PEOPLE.contains(rel.substring(0, rel.indexOf('/')))
            || ALLOWED_FILES.contains(rel)
            || rel.endsWith("package-info.java")) {
          continue;
        }
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        // the statement so far: a literal belongs to a log or exception call that began lines
        // before (the formatter puts each argument of a long call on a line of its own)
        StringBuilder statement = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          String code = line.strip();
          boolean comment = code.startsWith("*") || code.startsWith("//") || code.startsWith("/*");
          if (comment) {
            continue;
          }
          statement.append(line).append('\n');
          if (!NOT_FOR_PEOPLE.matcher(statement).find() && sentence(line)) {
            found.add(rel + ":" + (i + 1) + ": " + code);
          }
          if (code.endsWith(";") || code.endsWith("{") || code.endsWith("}")) {
            statement.setLength(0);
          }
        }
      }
    }
    assertTrue(
        found.isEmpty(),
        "sentences in Java (put them in messages.properties):\n" + String.join("\n", found));
  }

  @Test
  void everyKeyNamedLiterallyIsInTheEnglishBundle() throws IOException {
    Map<String, String> english =
        LanguageBundlesTest.read("io/recoveryportal/i18n/messages.properties");
    List<String> missing = new ArrayList<>();
    Pattern onPages =
        Pattern.compile("msg\\['([a-zA-Z0-9.\\-]+)'\\]|language\\.with2?\\('([a-zA-Z0-9.\\-]+)'");
    Pattern inJava =
        Pattern.compile(
            "Text\\.of\\(\"([a-zA-Z0-9.\\-]+)\"|Texts\\.text\\([^,]+, \"([a-zA-Z0-9.\\-]+)\"");
    for (Map.Entry<Path, Pattern> e : Map.of(PAGES, onPages, SOURCES, inJava).entrySet()) {
      try (Stream<Path> files = Files.walk(e.getKey())) {
        for (Path p :
            files
                .filter(f -> f.toString().endsWith(".xhtml") || f.toString().endsWith(".java"))
                .toList()) {
          Matcher m = e.getValue().matcher(Files.readString(p, StandardCharsets.UTF_8));
          while (m.find()) {
            String key = m.group(1) != null ? m.group(1) : m.group(2);
            if (!english.containsKey(key) && !key.endsWith(".")) {
              missing.add(p + ": " + key);
            }
          }
        }
      }
    }
    assertTrue(
        missing.isEmpty(), "keys not in messages.properties:\n" + String.join("\n", missing));
  }

  @Test
  void theScannersSeeWhatTheyMustSee() throws Exception {
    List<String> found = new ArrayList<>();
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new InputSource(
                    new StringReader(
                        "<p xmlns:h='h'>Hello there<h:outputText value=\"Click me\"/><h:outputText value=\"#{msg['k']}\"/>"
                            + "#{x ? 'Choose a password' : ''}<i title=\"#{msg['t']}\">#{msg['ok']} (#{n})</i></p>")));
    visit(doc.getDocumentElement(), Path.of("sample.xhtml"), found);
    assertTrue(found.size() == 3, found.toString());
    assertTrue(sentence("problem = \"We could not reach the directory.\";"));
    assertTrue(!sentence("Text.of(\"recover.problem.unavailable\")"));
    assertTrue(
        !sentence("f(\"\", language, Map.of(\"ticket\", ticket));"),
        "the words between two literals are code");
    assertTrue(NOT_FOR_PEOPLE.matcher("LOG.info(\"Refused a request: a method\");").find());
  }

  /** Whether one of the line's string literals reads as a sentence. */
  static boolean sentence(String line) {
    Matcher m = LITERAL.matcher(line);
    while (m.find()) {
      if (SENTENCE.matcher(m.group()).find()) {
        return true;
      }
    }
    return false;
  }

  private static Document parse(Path p) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    // the pages start with <!DOCTYPE html> at most: no external entities to load
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(p.toFile());
  }

  private static void visit(Node node, Path page, List<String> found) {
    if (node.getNodeType() == Node.TEXT_NODE) {
      check(node.getNodeValue(), page, "text", found);
    } else if (node.getNodeType() == Node.ELEMENT_NODE) {
      Element e = (Element) node;
      if (e.getTagName().equals("script") || e.getTagName().equals("style")) {
        return;
      }
      NamedNodeMap attributes = e.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Node a = attributes.item(i);
        String name = a.getNodeName().toLowerCase(java.util.Locale.ROOT);
        String local = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
        if (TEXT_ATTRIBUTES.contains(local) && !NOT_TEXT.contains(e.getTagName())) {
          check(a.getNodeValue(), page, e.getTagName() + "@" + name, found);
        }
      }
      for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
        visit(c, page, found);
      }
    }
  }

  /** Outside EL: no letters. Inside: no quoted phrase. */
  private static void check(String text, Path page, String where, List<String> found) {
    String outside = EL.matcher(text).replaceAll("");
    if (outside.chars().anyMatch(Character::isLetter)) {
      found.add(page + " " + where + ": " + text.strip());
      return;
    }
    quoted(text, page, where, found);
  }

  private static void quoted(String text, Path page, String where, List<String> found) {
    Matcher el = EL.matcher(text);
    while (el.find()) {
      Matcher q = EL_STRING.matcher(el.group());
      while (q.find()) {
        if (PHRASE.matcher(q.group()).find()) {
          found.add(page + " " + where + ": " + el.group());
        }
      }
    }
  }
}
