package io.recoveryportal.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust for the portal's outbound calls (Entra, Graph, Incode) when the JVM's default trust is
 * not the right one: the sandbox's self-signed Entra, or a corporate TLS-inspecting proxy.
 * Certificate and host-name checking stay on; only the set of trusted roots changes. One place for
 * it, used by every adapter.
 */
public final class OutboundTls {

  private OutboundTls() {}

  /**
   * A trust manager trusting exactly the certificates in the PKCS#12 or JKS store at {@code file}.
   */
  public static X509TrustManager trustManager(Path file, String password) {
    char[] pw = password == null ? null : password.toCharArray();
    try {
      KeyStore store = KeyStore.getInstance(file.toFile(), pw);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      return Arrays.stream(tmf.getTrustManagers())
          .filter(X509TrustManager.class::isInstance)
          .map(X509TrustManager.class::cast)
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No X.509 trust manager for " + file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the trust store " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot load the trust store " + file, e);
    } finally {
      if (pw != null) {
        Arrays.fill(pw, '\0');
      }
    }
  }

  /** A TLS context with only {@code trust} as its trust manager. */
  public static SSLContext context(X509TrustManager trust) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {trust}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS", e);
    }
  }
}
