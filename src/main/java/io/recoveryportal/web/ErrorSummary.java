package io.recoveryportal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UISelectMany;
import jakarta.faces.component.UISelectOne;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The error summary at the top of a refused form (WCAG 3.3.1): each field's message as a link to
 * the field, so a screen-reader or keyboard user goes from the list straight to what needs fixing.
 * Read from the Faces messages the validators and page beans queued, so the summary and the
 * messages at the fields cannot disagree.
 */
@RequestScoped
@Named
public class ErrorSummary {

  /** One line of the summary: the element to link to and what is wrong. */
  public record Item(String target, String text) {}

  /**
   * Every error message with a field, in the order they were queued, then those without one (no
   * link).
   */
  public List<Item> getItems() {
    FacesContext fc = FacesContext.getCurrentInstance();
    List<Item> items = new ArrayList<>();
    for (Iterator<String> ids = fc.getClientIdsWithMessages(); ids.hasNext(); ) {
      String id = ids.next();
      for (FacesMessage m : fc.getMessageList(id)) {
        if (m.getSeverity() == FacesMessage.SEVERITY_ERROR) {
          items.add(new Item(id == null ? null : target(fc, id), m.getSummary()));
        }
      }
    }
    return items;
  }

  /** Whether the field has an error: its aria-invalid and its red border. */
  public boolean invalid(String clientId) {
    FacesContext fc = FacesContext.getCurrentInstance();
    return fc != null
        && fc.getMessageList(clientId).stream()
            .anyMatch(m -> m.getSeverity() == FacesMessage.SEVERITY_ERROR);
  }

  /**
   * A radio or checkbox group has no element of its own id that takes focus: its first choice does.
   */
  private static String target(FacesContext fc, String clientId) {
    UIComponent c = fc.getViewRoot().findComponent(":" + clientId);
    boolean group =
        c instanceof UISelectOne && "jakarta.faces.Radio".equals(c.getRendererType())
            || c instanceof UISelectMany && "jakarta.faces.Checkbox".equals(c.getRendererType());
    return group ? clientId + ":0" : clientId;
  }
}
