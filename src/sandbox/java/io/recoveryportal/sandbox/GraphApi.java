package io.recoveryportal.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** The sandbox's Microsoft Graph v1.0 subset. (Skeleton: being built out.) */
public final class GraphApi implements HttpHandler {

    private final Sandbox sandbox;

    GraphApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (sandbox.faults().intercept(ex)) {
            return;
        }
        GraphErrors.send(ex, 404, "Request_ResourceNotFound", "Not implemented yet", java.util.UUID.randomUUID().toString());
    }
}
