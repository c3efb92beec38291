package io.recoveryportal.review;

import io.recoveryportal.i18n.Language;
import io.recoveryportal.i18n.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;

/**
 * Times on staff pages, written for the staff member's language and in UTC (said so), so two
 * reviewers in different places read the same moment: the directory holds no reliable time zone for
 * them.
 */
@Named("fmt")
@ApplicationScoped
public class StaffFormat {

  @Inject Language language;

  public String when(Instant t) {
    return t == null
        ? Texts.text(language.getLocale(), CaseFile.NOT_KNOWN)
        : Texts.shortMoment(t, language.getLocale());
  }

  public String score(Double score) {
    return score == null
        ? Texts.text(language.getLocale(), "case.score.none")
        : String.format(java.util.Locale.ROOT, "%.2f", score);
  }
}
