package io.recoveryportal.web;

import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.recovery.RecoveryService;
import io.recoveryportal.recovery.RecoverySettings;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Incode sends the browser back here. The whole callback URI goes to the recovery service, which checks it
 * against the attempt in the cookie; the person is then redirected to the page that shows where their
 * attempt stands (so a reload never replays the callback). Like "Continue", it takes at least the response
 * floor, so a decoy cannot be told apart by timing here either.
 */
@WebServlet(urlPatterns = "/verify/callback")
public class VerifyCallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    RecoveryService recovery;

    @Inject
    PortalConfig config;

    @Inject
    RecoverySettings settings;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        long started = System.nanoTime();
        // the redirect URI Incode knows is built from portal.base-url, never from the Host header
        URI callback = URI.create(config.baseUrl() + "/verify/callback" + (req.getQueryString() == null ? "" : "?" + req.getQueryString()));
        Optional<String> attemptId = AttemptCookie.read(req);
        RecoveryService.Verdict verdict = attemptId.map(id -> recovery.complete(id, callback)).orElse(RecoveryService.Verdict.INVALID);
        if (verdict == RecoveryService.Verdict.MATCHED) {
            // this browser has just proved whose it is: next time it may use face re-authentication for this account
            recovery.rememberDevice(attemptId.get(), DeviceCookie.read(req).orElse(null))
                    .ifPresent(token -> DeviceCookie.set(res, token, settings.reverificationWindow()));
        }
        // a refused address skips the directory read and the match: pad, so the answer takes as long either way
        ResponseFloor.await(started, settings.responseFloor());
        res.setHeader("Cache-Control", "no-store");
        res.sendRedirect(config.baseUrl() + "/recover.xhtml" + (verdict == RecoveryService.Verdict.INVALID ? "?problem=link" : ""));
    }
}
