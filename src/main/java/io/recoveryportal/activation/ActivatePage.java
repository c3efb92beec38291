package io.recoveryportal.activation;

import io.recoveryportal.cookies.AttemptCookie;
import io.recoveryportal.i18n.Language;
import io.recoveryportal.i18n.Texts;
import io.recoveryportal.recovery.RecoverySettings;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;

/**
 * The view state of the page an invitation link opens. Opening it changes nothing (mail scanners
 * follow links); only "Start" (a POST) spends the link on an identity check.
 */
@Named("activatePage")
@ViewScoped
public class ActivatePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ActivationService activation;

  @Inject io.recoveryportal.security.ClientAddresses clients;

  @Inject RecoverySettings recovery;

  @Inject Language language;

  private String token;
  private ActivationService.Link link;
  private io.recoveryportal.i18n.Text problem;

  /** The page's view action on the first GET. */
  public void load() {
    link = activation.inspect(token);
  }

  public void start() throws IOException {
    FacesContext fc = FacesContext.getCurrentInstance();
    ExternalContext ec = fc.getExternalContext();
    ActivationService.Begin begin =
        activation.begin(token, clients.of((HttpServletRequest) ec.getRequest()));
    if (begin.to() != null) {
      AttemptCookie.set(
          (HttpServletResponse) ec.getResponse(), begin.attemptId(), recovery.attemptLifetime());
      ec.redirect(begin.to().toString());
      fc.responseComplete();
      return;
    }
    problem = begin.problem();
    link = activation.inspect(token);
  }

  public String getStatus() {
    return link == null ? ActivationService.LinkStatus.UNKNOWN.name() : link.status().name();
  }

  public String getAccount() {
    return link == null ? null : link.userPrincipalName();
  }

  public String getOpensOn() {
    return link == null || link.opensAt() == null
        ? null
        : Texts.day(link.opensAt(), language.getLocale());
  }

  public String getProblem() {
    return language.text(problem);
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }
}
