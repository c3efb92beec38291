package io.recoveryportal.i18n;

import java.io.Serializable;
import java.time.Duration;

/**
 * A length of time given to a {@link Text}: written when the text is, with the reader's units ("2 h
 * 5 min").
 */
public record Span(Duration length) implements Serializable {

  private static final long serialVersionUID = 1L;
}
