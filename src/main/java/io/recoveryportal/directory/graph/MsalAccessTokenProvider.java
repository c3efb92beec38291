package io.recoveryportal.directory.graph;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kiota's token source for the Graph SDK, backed by MSAL4J client credentials. MSAL keeps the token
 * in its in-memory cache and renews it shortly before expiry, so this is cheap to call on every
 * request.
 */
final class MsalAccessTokenProvider implements AccessTokenProvider {

  private final ConfidentialClientApplication app;
  private final GraphSettings settings;
  private final Set<String> scopes;
  private final AllowedHostsValidator allowedHosts;

  MsalAccessTokenProvider(ConfidentialClientApplication app, GraphSettings settings) {
    this.app = app;
    this.settings = settings;
    this.scopes = Set.of(settings.graphScope());
    this.allowedHosts = new AllowedHostsValidator(settings.graphHost());
  }

  @Override
  public String getAuthorizationToken(
      URI uri, Map<String, Object> additionalAuthenticationContext) {
    // Kiota's convention: no token (and so no Authorization header) for a host we were not built
    // for.
    if (!allowedHosts.isUrlHostValid(uri)) {
      return "";
    }
    if (!"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
        && !GraphSettings.isLoopback(uri.getHost())) {
      throw new IllegalArgumentException("Only https is supported");
    }
    return acquire().accessToken();
  }

  @Override
  public AllowedHostsValidator getAllowedHostsValidator() {
    return allowedHosts;
  }

  /**
   * A token from MSAL's cache, or a fresh one from Entra; failures become a {@link
   * GraphTokenException}.
   */
  GraphToken acquire() {
    long timeoutMillis = settings.connectTimeout().plus(settings.readTimeout()).toMillis();
    try {
      IAuthenticationResult result =
          app.acquireToken(ClientCredentialParameters.builder(scopes).build())
              .get(timeoutMillis, TimeUnit.MILLISECONDS);
      return new GraphToken(result.accessToken(), result.expiresOnDate().toInstant());
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    } catch (TimeoutException e) {
      throw failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(e);
    } catch (MsalException e) {
      throw failure(e);
    }
  }

  private GraphTokenException failure(Throwable cause) {
    String code =
        cause instanceof MsalException m && m.errorCode() != null
            ? m.errorCode()
            : cause.getClass().getSimpleName();
    String detail = cause.getMessage() == null ? "" : cause.getMessage();
    // Entra never echoes the secret, but a message can quote a request: make sure it cannot leak.
    detail = detail.replace(settings.clientSecret(), "(redacted)");
    return new GraphTokenException(
        "Could not get a Microsoft Graph token for client "
            + settings.clientId()
            + " from "
            + settings.authority()
            + ": "
            + code
            + (detail.isEmpty() ? "" : ": " + detail),
        code,
        cause);
  }
}
