package io.recoveryportal.security;

import io.recoveryportal.config.PortalConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The one place the portal reads a client's address: {@link ClientAddress} from configuration (checked at start-up
 * by {@code RequiredSettings}). Nothing else calls {@code getRemoteAddr()}.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    PortalConfig config;

    private ClientAddress resolver;

    @PostConstruct
    void read() {
        resolver = ClientAddress.from(config::value);
    }

    /** The address of the browser (or caller) that sent {@code request}. */
    public String of(HttpServletRequest request) {
        return resolver.of(request);
    }
}
