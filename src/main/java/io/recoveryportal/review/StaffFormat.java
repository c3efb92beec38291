package io.recoveryportal.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times on staff pages, in UTC so two reviewers in different places read the same thing. */
@Named("fmt")
@ApplicationScoped
public class StaffFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String when(Instant t) {
        return t == null ? CaseFile.NOT_KNOWN : WHEN.format(t);
    }

    public String score(Double score) {
        return score == null ? "not given" : String.format(java.util.Locale.ROOT, "%.2f", score);
    }
}
