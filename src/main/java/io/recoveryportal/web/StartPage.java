package io.recoveryportal.web;

import io.recoveryportal.lookup.WorkEmail;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Set;
import jakarta.inject.Inject;

/**
 * The start page's view state: the address typed, what the person needs, and whether they are looking at
 * the "you are verifying for …" confirmation. Nothing about the attempt itself lives here.
 */
@Named
@ViewScoped
public class StartPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> NEEDS = Set.of("password", "mfa", "both");

    private String email;
    private String need;
    private boolean confirming;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getNeed() {
        return need;
    }

    /** Unknown values (a hand-edited ?action=) are dropped rather than rejected: the person just chooses. */
    public void setNeed(String need) {
        this.need = need != null && NEEDS.contains(need) ? need : null;
    }

    public boolean isConfirming() {
        return confirming;
    }

    public boolean isEmailInvalid() {
        FacesContext fc = FacesContext.getCurrentInstance();
        return fc != null && fc.getMessageList("start:email").stream().anyMatch(m -> m.getSeverity() == FacesMessage.SEVERITY_ERROR);
    }

    public void validateEmail(FacesContext context, UIComponent component, Object value) {
        if (value != null && WorkEmail.parse(value.toString()).isEmpty()) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Enter your work email address in the form name@company.com.", null));
        }
    }

    @Inject
    PortalMetrics metrics;

    public String submit() {
        metrics.startSubmitted();
        email = WorkEmail.parse(email).map(WorkEmail::value).orElse(email);
        confirming = true;
        return null;
    }

    public String change() {
        confirming = false;
        return null;
    }
}
