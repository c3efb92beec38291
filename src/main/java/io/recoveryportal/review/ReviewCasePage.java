package io.recoveryportal.review;

import io.recoveryportal.staff.CurrentStaff;
import io.recoveryportal.staff.StaffPrincipal;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * The case page's view state: the case file as opened (directory read once, when the page opened),
 * the reviewer's choice and reason while they type, and the last message. The rules live in {@link
 * ReviewDesk}.
 */
@Named("casePage")
@ViewScoped
public class ReviewCasePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ReviewDesk desk;

  @Inject CurrentStaff staff;

  @Inject io.recoveryportal.i18n.Language language;

  private String ref;
  private CaseFile file;
  private String decision;
  private String reason;
  private String message;
  private boolean problem;

  /**
   * The field a refused decision lacks (choice or reason), for the message's link and the field's
   * aria-invalid.
   */
  private String invalidField;

  private String obstacle;
  private boolean claimedByMe;
  private boolean claimedByAnother;

  /** The page's view action on the first GET: opening the case is audited. */
  public void load() {
    if (ref == null || ref.isBlank() || ref.length() > 20) {
      return;
    }
    Optional<StaffPrincipal> p = staff.principal();
    file = p.flatMap(x -> desk.open(ref.trim(), x)).orElse(null);
    p.ifPresent(this::standing);
  }

  public String claim() {
    return act(p -> desk.claim(file.summary().reference(), p));
  }

  public String decide() {
    Boolean approve =
        "APPROVE".equals(decision) ? Boolean.TRUE : "DENY".equals(decision) ? Boolean.FALSE : null;
    String result = act(p -> desk.decide(file.summary().reference(), p, approve, reason));
    invalidField =
        !problem || !claimedByMe
            ? null
            : approve == null ? "choice" : reason == null || reason.isBlank() ? "reason" : null;
    if (!problem) {
      decision = null;
      reason = null;
    }
    return result;
  }

  /** What the refused decision lacks: "choice", "reason", or null. */
  public String getInvalidField() {
    return invalidField;
  }

  private String act(java.util.function.Function<StaffPrincipal, ReviewDesk.Outcome> action) {
    Optional<StaffPrincipal> p = staff.principal();
    if (file == null || p.isEmpty()) {
      return null;
    }
    ReviewDesk.Outcome outcome = action.apply(p.get());
    message = language.text(outcome.message());
    problem = !outcome.done();
    file = desk.reload(file.summary().reference(), file.directory()).orElse(file);
    standing(p.get());
    return null;
  }

  /**
   * Where this reviewer stands on the case as just read: what stops them, and who holds the claim.
   * Worked out once per load or action, so the page's getters only read view state.
   */
  private void standing(StaffPrincipal p) {
    if (file == null) {
      return;
    }
    Instant now = Instant.now();
    CaseFile.Summary s = file.summary();
    obstacle =
        ReviewCases.obstacle(
                p.oid(), s.state(), s.expiresAt(), s.directoryUserId(), s.escalatedBy(), now)
            .map(language::text)
            .orElse(null);
    claimedByMe = s.claimedBy(p.oid(), now);
    claimedByAnother = s.claimedByAnother(p.oid(), now);
  }

  /**
   * Why this reviewer cannot work on the case, if anything stands in the way before even claiming
   * it.
   */
  public String getObstacle() {
    return obstacle;
  }

  public boolean isClaimedByMe() {
    return claimedByMe;
  }

  public boolean isClaimedByAnother() {
    return claimedByAnother;
  }

  public CaseFile getFile() {
    return file;
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }

  public String getDecision() {
    return decision;
  }

  public void setDecision(String decision) {
    this.decision = decision;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public boolean isProblem() {
    return problem;
  }
}
