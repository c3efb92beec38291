package io.recoveryportal.i18n;

import java.io.Serializable;
import java.time.Instant;

/**
 * A moment given to a {@link Text}: written when the text is, in the reader's language (and in UTC,
 * said so).
 */
public record Moment(Instant at) implements Serializable {

  private static final long serialVersionUID = 1L;
}
