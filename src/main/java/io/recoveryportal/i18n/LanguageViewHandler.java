package io.recoveryportal.i18n;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Faces views take their locale (and so the {@code msg} bundle's language) from the request's
 * language as {@link LanguageFilter} chose it, for stateless and stateful views alike: nothing
 * about it is kept in a session.
 */
public class LanguageViewHandler extends ViewHandlerWrapper {

  public LanguageViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Locale calculateLocale(FacesContext context) {
    return LanguageFilter.of((HttpServletRequest) context.getExternalContext().getRequest());
  }
}
