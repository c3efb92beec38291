package io.recoveryportal.helpdesk;

import io.recoveryportal.i18n.Language;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.lookup.WorkEmail;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.staff.CurrentStaff;
import io.recoveryportal.staff.StaffPrincipal;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The helpdesk start page's view state: the employee's address, the ticket and what the caller
 * needs while the agent types, the last refusal, and the agent's own requests. The rules live in
 * {@link HelpdeskRequests}.
 */
@Named
@ViewScoped
public class HelpdeskPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Set<String> NEEDS = Set.of("password", "mfa", "both");

  /**
   * Ticket references of ITSM tools are short (INC0012345, RITM0001234); anything printable up to
   * this.
   */
  private static final int TICKET_MAX = 40;

  @Inject HelpdeskRequests helpdesk;

  @Inject CurrentStaff staff;

  private String email;
  private String ticket;
  @Inject Language language;

  private String need;
  private String problem;
  private List<HelpdeskRequests.Listed> requests = List.of();

  @PostConstruct
  void init() {
    requests = staff.principal().map(helpdesk::requestsOf).orElse(List.of());
  }

  /** "Send verification link". */
  public String send() {
    Optional<StaffPrincipal> agent = staff.principal();
    if (agent.isEmpty()) {
      return null;
    }
    problem = null;
    Optional<WorkEmail> address = WorkEmail.parse(email);
    String reference = ticket == null ? null : ticket.strip();
    boolean valid = true;
    if (address.isEmpty()) {
      invalid("helpdesk:email", language.text(Text.of("helpdesk.email.invalid")));
      valid = false;
    }
    if (reference != null
        && (reference.length() > TICKET_MAX
            || !reference.chars().allMatch(c -> c >= 0x20 && c != 0x7f))) {
      invalid(
          "helpdesk:ticket", language.text(Text.of("helpdesk.ticket.invalid", "max", TICKET_MAX)));
      valid = false;
    }
    if (need == null) {
      invalid("helpdesk:need", language.text(Text.of("helpdesk.need.required")));
      valid = false;
    }
    if (!valid) {
      return null;
    }
    HelpdeskRequests.Sent sent =
        helpdesk.send(
            agent.get(),
            address.get(),
            reference == null || reference.isEmpty() ? null : reference,
            Attempt.RequestedAction.valueOf(need.toUpperCase(Locale.ROOT)));
    if (sent instanceof HelpdeskRequests.Created c) {
      return "/helpdesk/request?faces-redirect=true&id=" + c.requestId();
    }
    if (sent instanceof HelpdeskRequests.Refused r) {
      problem = language.text(r.reason());
    } else if (sent instanceof HelpdeskRequests.Limited) {
      problem = language.text(Text.of("helpdesk.problem.limited"));
    } else if (sent instanceof HelpdeskRequests.Unavailable u) {
      problem = language.text(u.reason());
    } else {
      problem = language.text(Text.of("helpdesk.problem.not-configured"));
    }
    requests = helpdesk.requestsOf(agent.get());
    return null;
  }

  private static void invalid(String field, String message) {
    FacesContext fc = FacesContext.getCurrentInstance();
    fc.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    fc.validationFailed();
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getTicket() {
    return ticket;
  }

  public void setTicket(String ticket) {
    this.ticket = ticket;
  }

  public String getNeed() {
    return need;
  }

  public void setNeed(String need) {
    this.need = need != null && NEEDS.contains(need) ? need : null;
  }

  public String getProblem() {
    return problem;
  }

  public List<HelpdeskRequests.Listed> getRequests() {
    return requests;
  }
}
