package io.recoveryportal.directory.graph;

import io.recoveryportal.sandbox.Sandbox;
import io.recoveryportal.sandbox.SelfSignedTls;

/** The portal's Graph settings for a running sandbox, as its configuration would give them. */
public final class SandboxGraphSettings {

  private SandboxGraphSettings() {}

  public static GraphSettings of(Sandbox sandbox) {
    return withSecret(sandbox, sandbox.credentials().portalClientSecret());
  }

  public static GraphSettings withSecret(Sandbox sandbox, String clientSecret) {
    Sandbox.Credentials c = sandbox.credentials();
    return GraphSettings.of(c.tenantId(), c.portalClientId(), clientSecret)
        .withEndpoints(sandbox.entraAuthorityHost(), sandbox.graphBaseUrl())
        .withTrustStore(sandbox.trustStore(), new String(SelfSignedTls.TRUST_STORE_PASSWORD));
  }
}
