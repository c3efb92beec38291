package io.recoveryportal.web;

import io.recoveryportal.i18n.Language;
import io.recoveryportal.reset.TemporaryAccessPass;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The Temporary Access Pass, held for the one response that issued it and gone with the request:
 * not in the view state, the session or the database, so a reload or a re-sent form cannot show it
 * again.
 */
@RequestScoped
@Named
public class ShownOnce {

  @Inject Language language;

  private TemporaryAccessPass pass;

  void hold(TemporaryAccessPass pass) {
    this.pass = pass;
  }

  public String getPass() {
    return pass == null ? null : pass.pass();
  }

  public String getExpires() {
    return pass == null
        ? null
        : language.moment(pass.validFrom().plusSeconds(pass.lifetimeMinutes() * 60L));
  }
}
