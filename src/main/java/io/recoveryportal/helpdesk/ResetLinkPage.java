package io.recoveryportal.helpdesk;

import io.recoveryportal.cookies.AttemptCookie;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;

/**
 * The employee's reset link from a helpdesk verification. Opening it (a GET, as mail scanners do)
 * only shows a button; the button (a POST) uses the link up, puts the attempt into this browser's
 * attempt cookie, and continues on the same reset page self-service uses.
 */
@Named
@ViewScoped
public class ResetLinkPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What the page shows. */
  public enum View {
    CONFIRM,
    INVALID
  }

  @Inject ResetLinks helpdesk;

  private String token;
  private View view;

  /** Runs once the ?token= parameter is in (f:viewAction). */
  public void load() {
    if (view == null) {
      view = helpdesk.resetLinkUsable(token) ? View.CONFIRM : View.INVALID;
    }
  }

  public void proceed() throws IOException {
    Optional<String> attemptId = helpdesk.openResetLink(token);
    if (attemptId.isEmpty()) {
      view = View.INVALID;
      return;
    }
    FacesContext fc = FacesContext.getCurrentInstance();
    ExternalContext ec = fc.getExternalContext();
    AttemptCookie.set(
        (HttpServletResponse) ec.getResponse(), attemptId.get(), helpdesk.attemptLifetime());
    ec.redirect(ec.getRequestContextPath() + "/recover.xhtml");
    fc.responseComplete();
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public View getView() {
    return view;
  }
}
