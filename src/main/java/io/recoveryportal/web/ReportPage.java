package io.recoveryportal.web;

import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.notification.ResetNotices;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * "This wasn't me": the link from a reset notice opens a confirmation (a GET must change nothing:
 * mail scanners follow links), and the button locks the account.
 */
@Named
@ViewScoped
public class ReportPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What the page shows. */
  public enum View {
    CONFIRM,
    LOCKED,
    INVALID,
    UNAVAILABLE
  }

  @Inject ResetNotices notices;

  private String token;
  private View view;

  /** Runs once the ?token= parameter is in (f:viewAction). */
  public void load() {
    if (view == null) {
      view = notices.isUsable(token) ? View.CONFIRM : View.INVALID;
    }
  }

  public String lock() {
    try {
      view = notices.report(token) ? View.LOCKED : View.INVALID;
    } catch (DirectoryUnavailableException e) {
      view = View.UNAVAILABLE;
    }
    return null;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public View getView() {
    return view;
  }
}
