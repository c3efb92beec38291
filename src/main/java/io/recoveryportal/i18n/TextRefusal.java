package io.recoveryportal.i18n;

/**
 * A rule's refusal that a person or staff member reads: the reason as a {@link Text} for the page,
 * in the reader's language, and as the exception's message its English words, for the audit trail
 * and logs (one record language).
 */
public class TextRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Text reason;

  public TextRefusal(Text reason) {
    super(reason.in(Languages.ENGLISH));
    this.reason = reason;
  }

  public Text reason() {
    return reason;
  }
}
