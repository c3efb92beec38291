package io.recoveryportal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the case page states about the directory: facts when it was read, "not known" when it was not. */
class CaseFileTest {

    @Test
    void aDirectoryThatCouldNotBeReadStatesNothingAsAFact() {
        CaseFile.Directory d = CaseFile.Directory.unavailable("The directory could not be read just now.");
        assertEquals("not known", d.managerShown(), "not 'none named'");
        assertEquals("not known", d.enabledShown(), "not 'no'");
    }

    @Test
    void aDirectoryThatWasReadSaysWhatItSaid() {
        CaseFile.Directory noManager = new CaseFile.Directory("a@contoso.com", "A", "B", "A B", null, null, null, null,
                Instant.EPOCH, null, false, null);
        assertEquals("none named", noManager.managerShown());
        assertEquals("no", noManager.enabledShown());
        CaseFile.Directory withManager = new CaseFile.Directory("a@contoso.com", "A", "B", "A B", null, null, null, "Helen Park",
                Instant.EPOCH, null, true, null);
        assertEquals("Helen Park", withManager.managerShown());
        assertEquals("yes", withManager.enabledShown());
    }
}
