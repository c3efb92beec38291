package io.recoveryportal.helpdesk.webhook;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Incode's session webhooks: {@code POST /incode/webhook}. Unauthenticated: 401, nothing stored. A
 * body that is not a usable notification: 400. Otherwise 200 with a JSON body, Incode's sign of a
 * delivered notification (a 503 asks for its retry).
 */
@WebServlet(urlPatterns = "/incode/webhook")
public class WebhookServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(WebhookServlet.class.getName());

  /** Far above any notification; a larger body is refused unread. */
  static final int MAX_BODY_BYTES = 16_000;

  @Inject WebhookGuard guard;

  @Inject WebhookDesk desk;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!guard.admits(req)) {
      res.setHeader("WWW-Authenticate", "Bearer realm=\"incode-webhooks\"");
      answer(res, 401, Json.createObjectBuilder().add("error", "unauthorized"));
      return;
    }
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      answer(
          res,
          400,
          Json.createObjectBuilder()
              .add("error", "invalid_request")
              .add("message", "The body is too large."));
      return;
    }
    WebhookDesk.Answer a;
    try {
      a = desk.receive(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      // the database or the directory failed us: Incode keeps the notification and tries again
      LOG.log(Level.WARNING, "Webhook not processed: {0}", e.toString());
      a =
          new WebhookDesk.Answer(
              503, "RETRY", "The notification could not be processed now; send it again later.");
    }
    JsonObjectBuilder json =
        a.status() == 200
            ? Json.createObjectBuilder().add("received", true).add("outcome", a.outcome())
            : Json.createObjectBuilder()
                .add("error", a.status() == 400 ? "invalid_request" : "try_later")
                .add("message", a.message());
    if (a.status() == 503) {
      res.setHeader("Retry-After", "60");
    }
    answer(res, a.status(), json);
  }

  static void answer(HttpServletResponse res, int status, JsonObjectBuilder json)
      throws IOException {
    res.setStatus(status);
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    res.getWriter().write(json.build().toString());
  }
}
