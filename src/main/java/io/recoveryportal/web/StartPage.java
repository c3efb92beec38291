package io.recoveryportal.web;

import io.recoveryportal.cookies.AttemptCookie;
import io.recoveryportal.cookies.DeviceCookie;
import io.recoveryportal.i18n.Language;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.lookup.WorkEmail;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.RecoverySettings;
import io.recoveryportal.recovery.RecoveryStart;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The start page, for one request: the address typed, what the person needs, and whether they are
 * looking at the "you are verifying for …" confirmation. The page is a stateless view: the
 * confirmation's form carries the address and the need back itself, so nothing is kept between
 * requests. Nothing about the attempt lives here.
 */
@Named
@RequestScoped
public class StartPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Set<String> NEEDS = Set.of("password", "mfa", "both");

  private String email;
  private String need;
  private boolean confirming;
  private String notice;

  @Inject RecoveryStart recovery;

  @Inject RecoverySettings settings;

  @Inject io.recoveryportal.security.ClientAddresses clients;

  @Inject io.recoveryportal.config.PortalConfig config;

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getNeed() {
    return need;
  }

  /**
   * Unknown values (a hand-edited ?action=) are dropped rather than rejected: the person just
   * chooses.
   */
  public void setNeed(String need) {
    this.need = need != null && NEEDS.contains(need) ? need : null;
  }

  /**
   * A post of the confirmation's form ("back") is made while confirming: the stateless view is
   * built afresh for it, and its buttons only act if that form is rendered again.
   */
  @jakarta.annotation.PostConstruct
  void init() {
    FacesContext fc = FacesContext.getCurrentInstance();
    confirming = fc != null && fc.getExternalContext().getRequestParameterMap().containsKey("back");
  }

  public boolean isConfirming() {
    return confirming;
  }

  public void validateEmail(FacesContext context, UIComponent component, Object value) {
    if (value != null && WorkEmail.parse(value.toString()).isEmpty()) {
      throw new ValidatorException(
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, language.text("start.email.invalid", Map.of()), null));
    }
  }

  @Inject PortalMetrics metrics;

  @Inject Language language;

  public String submit() {
    metrics.startSubmitted();
    email = WorkEmail.parse(email).map(WorkEmail::value).orElse(email);
    confirming = true;
    return null;
  }

  public String change() {
    confirming = false;
    notice = null;
    return null;
  }

  /**
   * A calm explanation when the verification could not start (limits, an outage); null otherwise.
   */
  public String getNotice() {
    return notice;
  }

  /**
   * "Continue": starts the attempt and sends the browser to Incode. Takes at least the configured
   * floor, so an address that cannot be recovered answers in the same time as one that can.
   */
  public void verify() throws IOException {
    long started = System.nanoTime();
    FacesContext fc = FacesContext.getCurrentInstance();
    ExternalContext ec = fc.getExternalContext();
    Optional<WorkEmail> address = WorkEmail.parse(email);
    if (address.isEmpty() || need == null) {
      confirming = false;
      return;
    }
    HttpServletRequest request = (HttpServletRequest) ec.getRequest();
    RecoveryStart.Start outcome =
        recovery.start(
            address.get(),
            Attempt.RequestedAction.valueOf(need.toUpperCase(Locale.ROOT)),
            clients.of(request),
            DeviceCookie.read(request).orElse(null));
    ResponseFloor.await(started, settings.responseFloor());
    if (outcome instanceof RecoveryStart.Redirect r) {
      AttemptCookie.set(
          (HttpServletResponse) ec.getResponse(), r.attemptId(), settings.attemptLifetime());
      ec.redirect(r.to().toString());
      fc.responseComplete();
    } else if (outcome instanceof RecoveryStart.Limited l) {
      // the wait of the limit that refused: an hour's worth from one address, a day's for one
      // account
      notice =
          language.text(
              Text.of(
                  "start.notice.limited",
                  "wait",
                  l.limit().waitInWords(),
                  "helpdesk",
                  config.helpdeskContact(language.getLocale())));
    } else {
      notice = language.text(Text.of("start.notice.unavailable"));
    }
  }
}
