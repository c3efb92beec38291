package io.recoveryportal.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** The sandbox's Incode OpenID Connect provider. (Skeleton: being built out.) */
public final class IncodeProvider implements HttpHandler {

    /** Ways the next ID token can be spoiled, for the portal's security tests. */
    public enum Tamper { NONE }

    private final Sandbox sandbox;
    private final SigningKeys keys = new SigningKeys();

    IncodeProvider(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    public SigningKeys keys() {
        return keys;
    }

    public void tamperNext(Tamper mode) {
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        Http.text(ex, 404, "not implemented yet");
    }
}
