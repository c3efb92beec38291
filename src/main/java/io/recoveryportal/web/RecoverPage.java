package io.recoveryportal.web;

import io.recoveryportal.cookies.AttemptCookie;
import io.recoveryportal.i18n.Language;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.AttemptStatus;
import io.recoveryportal.recovery.AttemptStore;
import io.recoveryportal.reset.ResetService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/**
 * The page that shows where a person's attempt stands, worked out from the attempt cookie on every
 * request: the reset forms, the review status, or the end of the road. A stateless view, so nothing
 * of it is kept between requests. The pass from an MFA reset is not kept here but in {@link
 * ShownOnce}, for one response only.
 */
@Named
@RequestScoped
public class RecoverPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** For the second of two attempts that reach the same account's reset at once. */
  private static final Text ANOTHER_RESET = Text.of("recover.problem.another-reset");

  /** What the page shows. */
  public enum View {
    NONE,
    LINK_PROBLEM,
    PASSWORD,
    MFA,
    REVIEW,
    DENIED,
    FAILED,
    CANCELLED,
    INTERRUPTED,
    BUSY,
    CHECKING,
    DONE
  }

  @Inject AttemptStore store;

  @Inject ResetService reset;

  @Inject ShownOnce shownOnce;

  @Inject Language language;

  @Inject io.recoveryportal.recovery.RecoverySettings settings;

  @Inject io.recoveryportal.activation.ActivationNotices activationNotices;

  private String attemptId;
  private View view = View.NONE;
  private String caseReference;
  private boolean bothRequested;
  private boolean activation;
  private boolean managerTold;
  private String newPassword;
  private String confirmation;
  private Text problem;

  /**
   * The problem is the new password itself (too weak, the two differ): the summary links to the
   * field.
   */
  private boolean passwordRefused;

  private boolean earlierTryNotSaved;

  @PostConstruct
  void init() {
    HttpServletRequest req =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    attemptId = AttemptCookie.read(req).orElse(null);
    refresh();
    if (view == View.NONE && req.getParameter("problem") != null) {
      view = View.LINK_PROBLEM;
    }
  }

  private void refresh() {
    AttemptStatus a = store.status(attemptId, settings.resetClaimTimeout()).orElse(null);
    if (a == null) {
      view = View.NONE;
      return;
    }
    caseReference = a.caseReference();
    bothRequested = a.requestedAction() == Attempt.RequestedAction.BOTH;
    activation = a.kind().policy().activatesAccount();
    // a reset that went unanswered and was then found not made: the form again, with a word about
    // the last try
    earlierTryNotSaved = a.earlierTryNotSaved();
    view =
        switch (a.state()) {
          case MATCHED, APPROVED ->
              a.expired()
                  ? View.NONE
                  : a.requestedAction() != Attempt.RequestedAction.MFA && !a.passwordDone()
                      ? View.PASSWORD
                      : View.MFA;
          case ESCALATED -> View.REVIEW;
          case DENIED -> View.DENIED;
          case FAILED -> View.FAILED;
          case CANCELLED -> View.CANCELLED;
          case INTERRUPTED -> View.INTERRUPTED;
          case RESETTING -> a.resetInDoubt() ? View.CHECKING : View.BUSY;
          case VERIFIED -> View.BUSY;
          case COMPLETED -> View.DONE;
          case STARTED, VERIFYING, EXPIRED -> View.NONE;
        };
    managerTold = activation && view == View.DONE && activationNotices.managerTold(a.id());
  }

  public String setPassword() {
    ResetService.Outcome outcome = reset.setPassword(attemptId, newPassword, confirmation);
    newPassword = null;
    confirmation = null;
    passwordRefused = outcome instanceof ResetService.Refused;
    if (outcome instanceof ResetService.Refused r) {
      problem = r.reason();
    } else if (outcome instanceof ResetService.Unavailable) {
      problem = Text.of("recover.problem.unavailable");
    } else if (outcome instanceof ResetService.Busy) {
      problem = ANOTHER_RESET;
    } else {
      problem = null;
    }
    refresh();
    return null;
  }

  public String resetMfa() {
    ResetService.Outcome outcome = reset.resetMfa(attemptId);
    if (outcome instanceof ResetService.Done d) {
      shownOnce.hold(d.pass());
      problem = d.notRemoved().isEmpty() ? null : Text.of("recover.problem.not-all-removed");
    } else if (outcome instanceof ResetService.Unavailable) {
      problem = Text.of("recover.problem.mfa-unavailable");
    } else if (outcome instanceof ResetService.Refused r) {
      problem = r.reason();
    } else if (outcome instanceof ResetService.Busy) {
      problem = ANOTHER_RESET;
    }
    refresh();
    return null;
  }

  /**
   * "Check now" on a reset in doubt: the directory is read now, and the page shows what the attempt
   * became.
   */
  public String check() {
    reset.check(attemptId);
    problem = null;
    refresh();
    return null;
  }

  public View getView() {
    return view;
  }

  public String getCaseReference() {
    return caseReference;
  }

  /** A new hire's activation rather than a recovery: the same steps, other words. */
  public boolean isActivation() {
    return activation;
  }

  /**
   * A new hire's manager was sent the notice that the account is active (not every new hire has a
   * manager).
   */
  public boolean isManagerTold() {
    return managerTold;
  }

  public boolean isBothRequested() {
    return bothRequested;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }

  /** The problem to show, in the reader's language. */
  public String getProblem() {
    return language.text(problem);
  }

  public boolean isPasswordRefused() {
    return passwordRefused && view == View.PASSWORD;
  }

  /**
   * The last reset of this attempt went unanswered and the directory then showed it was not made.
   */
  public boolean isEarlierTryNotSaved() {
    return earlierTryNotSaved;
  }
}
