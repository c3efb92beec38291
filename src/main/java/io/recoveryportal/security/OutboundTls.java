package io.recoveryportal.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS trust for the portal's outbound calls (Entra, Graph, Incode) when the JVM's default trust is not the right
 * one: the sandbox's self-signed Entra, or a corporate TLS-inspecting proxy. Certificate checking stays on;
 * only the set of trusted roots changes.
 */
public final class OutboundTls {

    private OutboundTls() {
    }

    /** An SSLSocketFactory trusting exactly the certificates in the PKCS#12 or JKS store at {@code path}. */
    public static SSLSocketFactory trusting(Path path, char[] password) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore ks = KeyStore.getInstance(path.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            ks.load(in, password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the trust store " + path + ": " + e.getMessage(), e);
        }
    }
}
