package io.recoveryportal.helpdesk;

import io.recoveryportal.i18n.Language;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.staff.CurrentStaff;
import io.recoveryportal.staff.StaffPrincipal;
import io.recoveryportal.verification.ProofingUnavailableException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/**
 * The request page's view state: the request as last read, and the last message. The page updates
 * itself through {@code /helpdesk/status} (see {@link StatusServlet}) with a small script; without
 * it, reloading shows the same.
 */
@Named
@ViewScoped
public class RequestPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject HelpdeskRequests helpdesk;

  @Inject HelpdeskProgress progress;

  @Inject ResetLinks resetLinks;

  @Inject CurrentStaff staff;

  private Long id;
  private RequestView view;
  private String message;
  private boolean problem;

  @Inject Language language;

  /** The view action on the first GET. */
  public void load() {
    if (id != null && view == null) {
      view = staff.principal().flatMap(p -> helpdesk.view(id, p)).orElse(null);
    }
  }

  /** "Email the employee a reset link". */
  public String sendResetLink() {
    Optional<StaffPrincipal> agent = staff.principal();
    if (view == null || agent.isEmpty()) {
      return null;
    }
    ResetLinks.ResetLinkOutcome outcome = resetLinks.sendResetLink(view.id(), agent.get());
    message = language.text(outcome.message());
    problem = !outcome.sent();
    reload(agent.get());
    return null;
  }

  /** "Check with Incode now": for when the status seems stuck (a notification lost on the way). */
  public String checkNow() {
    Optional<StaffPrincipal> agent = staff.principal();
    if (view == null || agent.isEmpty()) {
      return null;
    }
    try {
      Optional<HelpdeskProgress.Progress> p = progress.checkNow(view.id(), agent.get());
      problem = false;
      message =
          p.filter(x -> x == HelpdeskProgress.Progress.RESULT_NOT_READY).isPresent()
              ? language.text(Text.of("helpdesk.check.not-ready"))
              : language.text(Text.of("helpdesk.check.done"));
    } catch (ProofingUnavailableException e) {
      problem = true;
      message = language.text(Text.of("helpdesk.check.unavailable"));
    }
    reload(agent.get());
    return null;
  }

  private void reload(StaffPrincipal agent) {
    view = helpdesk.view(view.id(), agent).orElse(view);
  }

  /** The status endpoint the page's script polls. */
  public String getStatusUrl() {
    return "/helpdesk/status?id=" + (view == null ? "" : view.id());
  }

  /** How long the script keeps polling: never longer than a staff session lasts unattended. */
  public long getPollForMillis() {
    return staff.idleTimeout().toMillis();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public RequestView getView() {
    return view;
  }

  public String getMessage() {
    return message;
  }

  public boolean isProblem() {
    return problem;
  }
}
