package io.recoveryportal.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate for localhost, made at start-up. MSAL4J only accepts an https authority,
 * so the sandbox's Entra must speak TLS; the portal is told to trust this certificate through its
 * {@code portal.trust-store} key, never by turning certificate checks off.
 */
public final class SelfSignedTls {

  public static final char[] TRUST_STORE_PASSWORD = "sandbox".toCharArray();

  private final SSLContext serverContext;
  private final X509Certificate certificate;
  private final KeyPair keyPair;

  public SelfSignedTls() {
    this(new String[0]);
  }

  /** A certificate for localhost, 127.0.0.1 and these IP addresses too. */
  public SelfSignedTls(String... moreIpAddresses) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048);
      KeyPair pair = gen.generateKeyPair();
      keyPair = pair;
      Instant now = Instant.now();
      X500Name name = new X500Name("CN=localhost, O=Recovery portal sandbox");
      JcaX509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              name,
              new BigInteger(64, new SecureRandom()),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(Duration.ofDays(30))),
              name,
              pair.getPublic());
      java.util.List<GeneralName> names =
          new java.util.ArrayList<>(
              java.util.List.of(
                  new GeneralName(GeneralName.dNSName, "localhost"),
                  new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
      for (String ip : moreIpAddresses) {
        names.add(new GeneralName(GeneralName.iPAddress, ip));
      }
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(names.toArray(GeneralName[]::new)));
      certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  b.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(
          "sandbox", pair.getPrivate(), TRUST_STORE_PASSWORD, new X509Certificate[] {certificate});
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, TRUST_STORE_PASSWORD);
      serverContext = SSLContext.getInstance("TLS");
      serverContext.init(kmf.getKeyManagers(), null, null);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("Could not make the sandbox's TLS certificate", e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public SSLContext serverContext() {
    return serverContext;
  }

  /**
   * Writes a PKCS#12 key store with this certificate and its private key under {@code alias}, the
   * key protected by the store's password: what an organisation hands the portal to serve HTTPS
   * itself.
   */
  public Path writeKeyStore(Path file, String alias, char[] password) {
    return write(
        file,
        password,
        ks ->
            ks.setKeyEntry(
                alias, keyPair.getPrivate(), password, new X509Certificate[] {certificate}));
  }

  /**
   * Writes a PKCS#12 trust store holding only this certificate (password {@link
   * #TRUST_STORE_PASSWORD}).
   */
  public Path writeTrustStore(Path file) {
    return write(file, TRUST_STORE_PASSWORD, ts -> ts.setCertificateEntry("sandbox", certificate));
  }

  private interface Entry {
    void addTo(KeyStore store) throws GeneralSecurityException;
  }

  private static Path write(Path file, char[] password, Entry entry) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      entry.addTo(store);
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, password);
      }
      return file;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Could not write " + file, e);
    }
  }
}
