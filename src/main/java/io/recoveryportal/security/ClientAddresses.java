package io.recoveryportal.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.Config;

/**
 * The one place the portal reads a client's address: {@link ClientAddress} from configuration
 * (checked at start-up by {@code RequiredSettings}). Nothing else calls {@code getRemoteAddr()}.
 */
@ApplicationScoped
public class ClientAddresses {

  // MicroProfile Config itself, not PortalConfig: the configuration package checks this one's keys
  // at start-up
  @Inject Config config;

  private ClientAddress resolver;

  @PostConstruct
  void read() {
    resolver =
        ClientAddress.from(
            key -> config.getOptionalValue(key, String.class).filter(v -> !v.isBlank()));
  }

  /** The address of the browser (or caller) that sent {@code request}. */
  public String of(HttpServletRequest request) {
    return resolver.of(request);
  }
}
