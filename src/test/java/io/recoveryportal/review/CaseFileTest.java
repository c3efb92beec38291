package io.recoveryportal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the case page states about the directory: facts when it was read, "not known" when it was
 * not.
 */
class CaseFileTest {

  @Test
  void aDirectoryThatCouldNotBeReadStatesNothingAsAFact() {
    CaseFile.Directory d =
        CaseFile.Directory.unavailable(
            io.recoveryportal.i18n.Text.of("review.directory.unavailable"));
    assertEquals("not known", d.managerShown(Locale.ENGLISH), "not 'none named'");
    assertEquals("not known", d.enabledShown(Locale.ENGLISH), "not 'no'");
  }

  @Test
  void aDirectoryThatWasReadSaysWhatItSaid() {
    CaseFile.Directory noManager =
        new CaseFile.Directory(
            "a@contoso.com",
            "A",
            "B",
            "A B",
            null,
            null,
            null,
            null,
            Instant.EPOCH,
            null,
            false,
            null);
    assertEquals("none named", noManager.managerShown(Locale.ENGLISH));
    assertEquals("no", noManager.enabledShown(Locale.ENGLISH));
    CaseFile.Directory withManager =
        new CaseFile.Directory(
            "a@contoso.com",
            "A",
            "B",
            "A B",
            null,
            null,
            null,
            "Helen Park",
            Instant.EPOCH,
            null,
            true,
            null);
    assertEquals("Helen Park", withManager.managerShown(Locale.ENGLISH));
    assertEquals("yes", withManager.enabledShown(Locale.ENGLISH));
  }
}
