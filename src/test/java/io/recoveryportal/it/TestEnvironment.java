package io.recoveryportal.it;

import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the integration tests share within one test JVM: one sandbox, one PostgreSQL, and one portal
 * in its own Payara Micro process (started on first use, stopped when the JVM ends). Starting
 * Payara costs 20-30 s on two cores, so the HTTP and browser tests all talk to the same portal.
 */
public final class TestEnvironment {

  /**
   * The demo tenant's "Executives" group (config/sandbox/directory.json), protected from
   * self-service.
   */
  public static final String EXECUTIVES_GROUP = "90a33271-0c65-5b3b-9447-e860ef890f25";

  /** The portal's staff session cookie (WEB-INF/glassfish-web.xml). */
  public static final String SESSION_COOKIE = "__Host-session";

  /** How the shared portal tells people to reach a human (portal.helpdesk-contact). */
  public static final String HELPDESK_CONTACT = "the Contoso service desk on extension 4357";

  /**
   * Verifications one address may get per day in the shared portal: low enough for RecoveryFlowIT
   * to reach it with one address, high enough for AuthorizeRequestIT to start every kind of address
   * four times.
   */
  public static final int PER_ACCOUNT_PER_DAY = 8;

  /**
   * How long the shared portal trusts Incode's discovery, so that AuthorizeRequestIT sees the
   * sandbox stop and start offering pushed authorization requests after this long (production's
   * default is an hour).
   */
  public static final Duration INCODE_DISCOVERY_MAX_AGE = Duration.ofSeconds(1);

  /**
   * Invitation links in the shared portal last this long, so ActivationIT can see one expire: long
   * enough for a browser test to get from the invitation to "Start" on a busy two-core machine,
   * short enough not to wait long for the expiry.
   */
  public static final Duration INVITATION_LIFETIME = Duration.ofSeconds(25);

  private static Sandbox sandbox;
  private static EmbeddedPostgres postgres;
  private static PortalProcess portal;
  private static RuntimeException portalFailure;

  private TestEnvironment() {}

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(TestEnvironment::stopAll, "test-environment-stop"));
  }

  public static synchronized Sandbox sandbox() {
    if (sandbox == null) {
      try {
        sandbox =
            Sandbox.start(
                Sandbox.Options.ephemeral(Path.of("config/sandbox/directory.json"), target()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sandbox;
  }

  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return postgres;
  }

  /**
   * The shared portal (target/portal-micro.jar), on the default embedded H2 database (a fresh file
   * per run).
   */
  public static synchronized PortalProcess portal() {
    if (portalFailure != null) {
      // one failed start is enough: every later test gets the same cause at once
      throw portalFailure;
    }
    if (portal != null && !portal.isAlive()) {
      portalFailure = new IllegalStateException("the shared portal died: " + portal.obituary());
      throw portalFailure;
    }
    if (portal == null) {
      try {
        int port = PortalProcess.freePort();
        String base = "http://localhost:" + port;
        sandbox().registerPortal(base);
        // Incode's retries come after 30 s and more; a test waits for a retried webhook in well
        // under a second
        sandbox().incode().webhooks().retryBaseDelay(Duration.ofMillis(300));
        Map<String, String> config = sandbox().portalConfig(base);
        config.put(
            "db.url",
            "jdbc:h2:file:"
                + target()
                    .resolve("it-data/portal-" + System.currentTimeMillis())
                    .toAbsolutePath());
        config.put("recovery.protected-groups", EXECUTIVES_GROUP);
        config.put("recovery.rate.per-account-per-day", Integer.toString(PER_ACCOUNT_PER_DAY));
        config.put("incode.discovery-max-age", INCODE_DISCOVERY_MAX_AGE.toString());
        config.put("recovery.rate.per-ip-per-hour", "1000");
        config.put("portal.helpdesk-contact", HELPDESK_CONTACT);
        config.put(
            "incode.dashboard-url-template", "https://dashboard.example/sessions/{interviewId}");
        config.put("activation.invitation-lifetime", INVITATION_LIFETIME.toString());
        // sofia starts in 14 days, omar in 45: one may activate now, the other is too early
        config.put("activation.days-before-hire", "20");
        // the production artifact: the uber jar, WAR and pre-boot commands inside
        // Payara's own log goes to target/it-portal.log, for whoever has to find out why a test
        // failed
        var log =
            new java.io.PrintStream(
                java.nio.file.Files.newOutputStream(target().resolve("it-portal.log")),
                true,
                java.nio.charset.StandardCharsets.UTF_8);
        portal =
            PortalProcess.start(
                target().resolve("portal-micro.jar"),
                null,
                target().resolve("it-payara"),
                port,
                config,
                jvmOptions(),
                log,
                Duration.ofMinutes(4));
        System.out.println("[it] portal ready in " + portal.readyMillis() + " ms at " + base);
      } catch (IOException e) {
        portalFailure = new UncheckedIOException(e);
        throw portalFailure;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return portal;
  }

  public static Path target() {
    return Path.of("target").toAbsolutePath();
  }

  public static Path microJar() {
    return Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
  }

  public static Path war() {
    return Path.of(System.getProperty("portal.war", "target/portal.war"));
  }

  public static List<String> jvmOptions() {
    return Arrays.asList(
        System.getProperty("portal.jvm", "-Xmx768m -XX:TieredStopAtLevel=1").trim().split("\\s+"));
  }

  private static synchronized void stopAll() {
    if (portal != null) {
      portal.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException ignored) {
        // the JVM is ending anyway
      }
    }
  }
}
