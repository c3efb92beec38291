package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.SelfSignedTls;
import io.recoveryportal.security.OutboundTls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Running without a proxy in front: the portal serves HTTPS itself with the organisation's
 * certificate (a PKCS#12 given through PORTAL_TLS_KEYSTORE, its password and the key's alias, with
 * Payara Micro's --sslport), and listens only on the address PORTAL_LISTEN_ADDRESS names. A portal
 * process of its own, bound to this machine's first non-loopback address; the shared portal is
 * bound to loopback.
 */
class DirectHttpsIT {

  private static final char[] PASSWORD = "it-keystore-password".toCharArray();

  private static SelfSignedTls certificate;
  private static PortalProcess portal;
  private static int sslPort;
  private static InetAddress external;

  @BeforeAll
  static void start() throws Exception {
    external = nonLoopbackAddress().orElse(null);
    assumeTrue(external != null, "this machine has no non-loopback IPv4 address to bind to");
    certificate = new SelfSignedTls(external.getHostAddress());
    Path keyStore =
        certificate.writeKeyStore(
            TestEnvironment.target().resolve("it-tls/portal.p12"), "portal", PASSWORD);
    sslPort = PortalProcess.freePort();
    Map<String, String> config =
        TestEnvironment.sandbox().portalConfig("https://localhost:" + sslPort);
    config.put(
        "db.url",
        "jdbc:h2:file:"
            + TestEnvironment.target()
                .resolve("it-data/https-" + System.currentTimeMillis())
                .toAbsolutePath());
    config.put("portal.listen-address", external.getHostAddress());
    config.put("portal.tls.keystore", keyStore.toString());
    config.put("portal.tls.keystore-password", new String(PASSWORD));
    config.put("portal.tls.key-alias", "portal");
    portal =
        PortalProcess.start(
            TestEnvironment.target().resolve("portal-micro.jar"),
            null,
            TestEnvironment.target().resolve("it-payara-https"),
            PortalProcess.freePort(),
            config,
            TestEnvironment.jvmOptions(),
            List.of("--sslport", Integer.toString(sslPort)),
            null,
            Duration.ofMinutes(4));
  }

  @AfterAll
  static void stop() {
    if (portal != null) {
      portal.close();
    }
  }

  @Test
  void theStartPageIsServedOverHttpsWithTheOrganisationsCertificate() throws Exception {
    SSLContext trustOnlyIt =
        OutboundTls.context(
            OutboundTls.trustManager(
                certificate.writeTrustStore(TestEnvironment.target().resolve("it-tls/trust.p12")),
                new String(SelfSignedTls.TRUST_STORE_PASSWORD)));
    try (SSLSocket s = (SSLSocket) trustOnlyIt.getSocketFactory().createSocket(external, sslPort)) {
      s.setSoTimeout(30_000);
      javax.net.ssl.SSLParameters p = s.getSSLParameters();
      p.setEndpointIdentificationAlgorithm("HTTPS");
      s.setSSLParameters(p);
      s.startHandshake();
      X509Certificate presented = (X509Certificate) s.getSession().getPeerCertificates()[0];
      assertEquals(
          certificate.certificate(), presented, "the portal presents the certificate it was given");
      s.getOutputStream()
          .write(
              ("GET / HTTP/1.1\r\nHost: localhost:" + sslPort + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String response = readAll(s.getInputStream());
      assertTrue(
          response.startsWith("HTTP/1.1 200"),
          response.substring(0, Math.min(200, response.length())));
      assertTrue(response.contains("Get back into your work account"), "the portal's start page");
      assertTrue(
          response.toLowerCase().contains("strict-transport-security: max-age="),
          "HSTS, since the base URL is https");
    }
  }

  @Test
  void itListensOnlyOnTheConfiguredAddress() {
    // this portal: the non-loopback address, not loopback (for HTTP and HTTPS alike)
    assertThrows(ConnectException.class, () -> connect(InetAddress.getLoopbackAddress(), sslPort));
    assertThrows(
        ConnectException.class, () -> connect(InetAddress.getLoopbackAddress(), portal.port()));
    // the shared portal: loopback only; neither its pages nor its management listener answer from
    // outside
    PortalProcess shared = TestEnvironment.portal();
    assertThrows(ConnectException.class, () -> connect(external, shared.port()));
    assertThrows(
        ConnectException.class,
        () -> connect(external, Integer.parseInt(shared.managementUrl().replaceAll(".*:", ""))));
    assertEquals(200, Http.get(shared.baseUrl() + "/").statusCode());
  }

  private static void connect(InetAddress address, int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), 3000);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nif.isUp() && !nif.isLoopback()) {
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
          if (a instanceof Inet4Address) {
            return Optional.of(a);
          }
        }
      }
    }
    return Optional.empty();
  }
}
