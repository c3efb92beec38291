package io.recoveryportal.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** The sandbox's SMTP server and the page that shows what it received. (Skeleton: being built out.) */
public final class Mailbox implements HttpHandler {

    private final int port;

    private Mailbox(int port) {
        this.port = port;
    }

    static Mailbox start(Sandbox sandbox, int port) {
        return new Mailbox(port);
    }

    public int smtpPort() {
        return port;
    }

    void stop() {
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        Http.text(ex, 404, "not implemented yet");
    }
}
