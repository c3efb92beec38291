package io.recoveryportal.notification;

/**
 * Every email the portal sends, by its key in {@code mail.properties} ({@code <key>.subject},
 * {@code <key>.body}), and the parts some of them include or leave out ({@link #fragment}). {@link
 * MailTemplates} renders them.
 */
public enum MailTemplate {
  RESET_NOTICE("reset-notice"),
  REVIEW_NEW_CASE("review-new-case"),
  REVIEW_OVERDUE("review-overdue"),
  REVIEW_APPROVED("review-approved"),
  REVIEW_DENIED("review-denied"),
  ACTIVATION_INVITATION("activation-invitation"),
  ACTIVATION_ACTIVATED("activation-activated"),
  ACTIVATION_APPROVED("activation-approved"),
  ACTIVATION_DENIED("activation-denied"),
  HELPDESK_LINK("helpdesk-link"),
  HELPDESK_RESET_LINK("helpdesk-reset-link");

  private final String key;

  MailTemplate(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /**
   * A part of a mail that is there or not ("for your start on ...", "(ticket ...)"), or a word
   * chosen by a fact.
   */
  public enum Fragment {
    REVIEW_RISK_HIGH("review-risk-high"),
    REVIEW_RISK_STANDARD("review-risk-standard"),
    ACTIVATION_START_NOTE("activation-start-note"),
    HELPDESK_TICKET_NOTE("helpdesk-ticket-note");

    private final String key;

    Fragment(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }
}
