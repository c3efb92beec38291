package io.recoveryportal.web;

import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.i18n.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What every page's template shows: the organisation, the helpdesk route, and the sandbox banner.
 */
@Named("portal")
@ApplicationScoped
public class PortalView {

  @Inject PortalConfig config;

  @Inject Language language;

  public String getOrganisationName() {
    return config.organisationName();
  }

  public String getHelpdeskContact() {
    return config.helpdeskContact(language.getLocale());
  }

  public boolean isSandbox() {
    return config.sandbox();
  }
}
