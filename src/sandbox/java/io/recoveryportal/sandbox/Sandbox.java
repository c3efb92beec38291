package io.recoveryportal.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sandbox: a local stand-in for Microsoft Entra (token endpoint, staff OpenID Connect),
 * Microsoft Graph v1.0 (the subset the portal uses), Incode's OpenID Connect provider and an SMTP
 * mailbox. Everything listens on loopback only. Tests start it in-process with ephemeral ports;
 * {@link SandboxMain} starts it for people.
 *
 * <p>Layout: one plain-HTTP server for Graph ({@code /graph/v1.0}), Incode ({@code /incode}), the
 * mailbox ({@code /mail}) and the control endpoint ({@code /control}); one HTTPS server for Entra,
 * because MSAL4J only accepts an https authority.
 */
public final class Sandbox implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());

  /**
   * Where and how to listen. Port 0 means "any free port". {@code benchmarkEmployees} generated
   * employees join the seed's ({@link Directory#benchmarkAddress}), for the flow benchmark; 0 for
   * the demo tenant alone.
   */
  public record Options(
      int httpPort,
      int httpsPort,
      int smtpPort,
      Path directorySeed,
      Path workDir,
      int benchmarkEmployees) {

    public Options(int httpPort, int httpsPort, int smtpPort, Path directorySeed, Path workDir) {
      this(httpPort, httpsPort, smtpPort, directorySeed, workDir, 0);
    }

    public static Options ephemeral(Path directorySeed, Path workDir) {
      return new Options(0, 0, 0, directorySeed, workDir);
    }

    public Options withBenchmarkEmployees(int count) {
      return new Options(httpPort, httpsPort, smtpPort, directorySeed, workDir, count);
    }
  }

  private final Options options;
  private final Directory directory;
  private final Faults faults = new Faults();
  private final SigningKeys entraKeys = new SigningKeys();
  private final SelfSignedTls tls = new SelfSignedTls();
  private final Credentials credentials;
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          16,
          r -> {
            Thread t = new Thread(r, "sandbox-http");
            t.setDaemon(true);
            return t;
          });
  private HttpServer http;
  private HttpsServer https;
  private Path trustStore;
  private int httpPort;
  private int httpsPort;
  private IncodeProvider incode;
  private EntraApi entra;
  private GraphApi graph;
  private Mailbox mailbox;

  /**
   * Client ids and secrets. Secrets are new on every start: nothing ships with a known secret.
   *
   * @param incodeApiKey the {@code x-api-key} of Incode's B2B API (Dashboard: Configuration, API
   *     Keys)
   * @param incodeIntegrationId the API integration's id (Dashboard: Integrations, Copy ID), which
   *     the B2B request-new call sends as {@code integrationReference} (seeds 000, 001, 004)
   */
  public record Credentials(
      String tenantId,
      String portalClientId,
      String portalClientSecret,
      String incodeClientId,
      String incodeClientSecret,
      String incodeApiKey,
      String incodeIntegrationId) {}

  private Sandbox(Options options) {
    this.options = options;
    this.directory = Directory.load(options.directorySeed(), options.benchmarkEmployees());
    this.credentials =
        new Credentials(
            directory.tenantId(),
            directory.appId(),
            randomSecret(),
            "portal-" + directory.tenantId().substring(0, 8),
            randomSecret(),
            randomSecret(),
            UUID.randomUUID().toString());
  }

  public static Sandbox start(Options options) throws IOException {
    Sandbox s = new Sandbox(options);
    s.startServers();
    return s;
  }

  private void startServers() throws IOException {
    trustStore = tls.writeTrustStore(options.workDir().resolve("sandbox-trust.p12"));
    // bound first: the providers' issuer and endpoint URLs contain the real ports
    bind(options.httpPort(), options.httpsPort());
    mailbox = Mailbox.start(this, options.smtpPort());
    graph = new GraphApi(this);
    incode = new IncodeProvider(this);
    entra = new EntraApi(this);
    mountAndStart();
  }

  /** Binds both HTTP servers to the given ports (0: any) and remembers the ports they got. */
  private void bind(int httpPort, int httpsPort) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    http = HttpServer.create(new InetSocketAddress(loopback, httpPort), 64);
    https = HttpsServer.create(new InetSocketAddress(loopback, httpsPort), 64);
    https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
    this.httpPort = http.getAddress().getPort();
    this.httpsPort = https.getAddress().getPort();
  }

  private void mountAndStart() {
    http.createContext("/graph/v1.0", guarded(graph));
    http.createContext("/incode", guarded(incode));
    http.createContext("/mail", guarded(mailbox));
    http.createContext("/control", guarded(new ControlApi(this)));
    http.createContext("/", guarded(this::index));
    https.createContext("/", guarded(entra));
    http.setExecutor(pool);
    https.setExecutor(pool);
    http.start();
    https.start();
  }

  /**
   * Simulates an outage of Entra, Graph and Incode: both HTTP servers stop listening (the mailbox
   * stays). {@link #resume()} brings them back on the same ports with the same keys, secrets and
   * state, so a running portal recovers without reconfiguration.
   */
  public synchronized void suspend() {
    http.stop(0);
    https.stop(0);
  }

  public synchronized void resume() throws IOException {
    bind(httpPort, httpsPort);
    mountAndStart();
  }

  /**
   * No handler may leave a connection hanging: an unexpected failure becomes a 500 and a log line.
   */
  private static HttpHandler guarded(HttpHandler h) {
    return ex -> {
      try {
        h.handle(ex);
      } catch (RuntimeException | IOException e) {
        LOG.log(Level.WARNING, "Sandbox handler failed for " + ex.getRequestURI().getPath(), e);
        try {
          Http.text(ex, 500, "sandbox error: " + e);
        } catch (IOException | RuntimeException ignored) {
          ex.close();
        }
      }
    };
  }

  private void index(HttpExchange ex) throws IOException {
    if (!"/".equals(ex.getRequestURI().getPath())) {
      Http.text(ex, 404, "not found");
      return;
    }
    StringBuilder b = new StringBuilder("<h1>Recovery portal sandbox</h1><ul>");
    b.append("<li><a href=\"/mail\">Mailbox</a> (SMTP on port ")
        .append(smtpPort())
        .append(")</li>");
    b.append("<li>Incode issuer: <code>")
        .append(Http.esc(incodeIssuer()))
        .append(
            "</code> (helpdesk sessions and webhooks: <a href=\"/control/incode/b2b\">state</a>)</li>");
    b.append("<li>Graph: <code>").append(Http.esc(graphBaseUrl())).append("</code></li>");
    b.append("<li>Entra authority: <code>")
        .append(Http.esc(entraAuthorityHost() + "/" + credentials.tenantId()))
        .append("</code></li></ul>");
    Http.html(ex, 200, Http.page("Sandbox", b.toString()));
  }

  // ---- what other parts of the sandbox and the tests need ----

  public Directory directory() {
    return directory;
  }

  public Faults faults() {
    return faults;
  }

  public SigningKeys entraKeys() {
    return entraKeys;
  }

  public IncodeProvider incode() {
    return incode;
  }

  public EntraApi entra() {
    return entra;
  }

  public Mailbox mailbox() {
    return mailbox;
  }

  public Credentials credentials() {
    return credentials;
  }

  public String httpBase() {
    return "http://localhost:" + httpPort;
  }

  public String graphBaseUrl() {
    return httpBase() + "/graph/v1.0";
  }

  public String incodeIssuer() {
    return httpBase() + "/incode";
  }

  public String mailboxUrl() {
    return httpBase() + "/mail";
  }

  public String entraAuthorityHost() {
    return "https://localhost:" + httpsPort;
  }

  public int smtpPort() {
    return mailbox.smtpPort();
  }

  public Path trustStore() {
    return trustStore;
  }

  /**
   * The portal's redirect endpoints, relative to its base URL. The portal has not fixed them yet:
   * keep these in step with its verification callback and its staff sign-in callback.
   */
  public static final String PORTAL_INCODE_CALLBACK = "/verify/callback";

  public static final String PORTAL_STAFF_CALLBACK = "/staff/callback";

  /**
   * The portal's Incode session-webhook receiver and the token endpoint Incode calls first (OAuth
   * mode).
   */
  public static final String PORTAL_INCODE_WEBHOOK = "/incode/webhook";

  public static final String PORTAL_INCODE_WEBHOOK_TOKEN = "/incode/webhook/token";

  /** The client id the portal gives "Incode" for its webhooks; the secret is new on every start. */
  public static final String WEBHOOK_CLIENT_ID = "incode-webhooks";

  private final String webhookSecret = randomSecret();

  /**
   * Registers a portal running at {@code portalBaseUrl} with the sandbox's Incode and Entra apps,
   * as an administrator registers redirect URIs in the real dashboards (exact match), and points
   * Incode's session webhooks at it with OAuth client credentials, as in Incode's dashboard
   * (Configuration, Webhooks).
   */
  public void registerPortal(String portalBaseUrl) {
    String base = portalBaseUrl.replaceAll("/+$", "");
    incode.registerRedirectUri(base + PORTAL_INCODE_CALLBACK);
    entra.registerRedirectUri(base + PORTAL_STAFF_CALLBACK);
    incode
        .webhooks()
        .configure(
            base + PORTAL_INCODE_WEBHOOK,
            IncodeWebhooks.oauth(
                base + PORTAL_INCODE_WEBHOOK_TOKEN, WEBHOOK_CLIENT_ID, webhookSecret));
  }

  /**
   * Every configuration key the portal needs to run against this sandbox (MicroProfile Config
   * names).
   */
  /** Where the portal announces review cases when it runs against the sandbox. */
  public static final String REVIEWERS_ADDRESS = "it-reviewers@contoso.com";

  public Map<String, String> portalConfig(String portalBaseUrl) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("portal.sandbox", "true");
    c.put("portal.base-url", portalBaseUrl);
    c.put("portal.trust-store", trustStore.toAbsolutePath().toString());
    c.put("portal.trust-store-password", new String(SelfSignedTls.TRUST_STORE_PASSWORD));
    c.put("incode.issuer", incodeIssuer());
    c.put("incode.client-id", credentials.incodeClientId());
    c.put("incode.client-secret", credentials.incodeClientSecret());
    c.put("incode.client-auth", "client_secret_basic");
    // the helpdesk (B2B) API: same issuer and client, plus these two
    c.put("incode.api-key", credentials.incodeApiKey());
    c.put("incode.integration-id", credentials.incodeIntegrationId());
    // what the portal's webhook token endpoint expects of Incode (registerPortal gives Incode the
    // same)
    c.put("incode.webhook.client-id", WEBHOOK_CLIENT_ID);
    c.put("incode.webhook.client-secret", webhookSecret);
    c.put("entra.tenant-id", credentials.tenantId());
    c.put("entra.client-id", credentials.portalClientId());
    c.put("entra.client-secret", credentials.portalClientSecret());
    c.put("entra.authority-host", entraAuthorityHost());
    c.put("graph.base-url", graphBaseUrl());
    c.put("directory.birthdate-attribute", directory.birthdateAttribute());
    c.put("mail.smtp.host", "localhost");
    c.put("mail.smtp.port", Integer.toString(smtpPort()));
    c.put("mail.from", "Account recovery <no-reply@contoso.com>");
    // new and overdue review cases are announced here; the sandbox's mailbox shows them at /mail
    c.put("review.notify-address", REVIEWERS_ADDRESS);
    return c;
  }

  static String randomSecret() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  @Override
  public void close() {
    if (incode != null) {
      incode.webhooks().close();
    }
    if (http != null) {
      http.stop(0);
    }
    if (https != null) {
      https.stop(0);
    }
    if (mailbox != null) {
      mailbox.stop();
    }
    pool.shutdownNow();
    try {
      if (trustStore != null) {
        Files.deleteIfExists(trustStore);
      }
    } catch (IOException ignored) {
      // a leftover trust store in the work directory is harmless
    }
  }
}
