package io.recoveryportal.helpdesk;

import io.recoveryportal.i18n.LanguageFilter;
import io.recoveryportal.i18n.Texts;
import io.recoveryportal.staff.CurrentStaff;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /helpdesk/status?id=…}: a request's status as JSON for the request page's script.
 * Behind the staff gate (the Helpdesk role, the session's timeouts), for the request's own agent
 * only (404 for anyone else), and read-only: a GET changes nothing.
 */
@WebServlet(urlPatterns = "/helpdesk/status")
public class StatusServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject HelpdeskRequests helpdesk;

  @Inject CurrentStaff staff;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Optional<RequestView> view =
        id(req.getParameter("id"))
            .flatMap(id -> staff.principal().flatMap(p -> helpdesk.view(id, p)));
    if (view.isEmpty()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    RequestView v = view.get();
    Locale language = LanguageFilter.of(req);
    JsonArrayBuilder stages = Json.createArrayBuilder();
    v.stages()
        .forEach(
            s ->
                stages.add(
                    Json.createObjectBuilder()
                        .add("status", s.status().name())
                        .add("label", s.status().label(language))
                        .add("at", Texts.moment(s.at(), language))));
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", v.id())
            .add("status", v.status().name())
            .add("final", v.status().isFinal() || v.expired())
            .add("text", v.statusText(language))
            .add("next", v.nextStep(language))
            .add("stages", stages)
            .add("canSendResetLink", v.canSendResetLink());
    String reset = v.resetText(language);
    if (reset != null) {
      json.add("reset", reset);
    }
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    res.getWriter().write(json.build().toString());
  }

  private static Optional<Long> id(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
