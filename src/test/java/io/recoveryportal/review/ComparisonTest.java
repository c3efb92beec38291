package io.recoveryportal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recoveryportal.verification.ProofingStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The case page's side-by-side rows: which words and date parts are marked as differing. */
class ComparisonTest {

  private static final CaseFile.Directory BOB =
      new CaseFile.Directory(
          "bob.wilson@contoso.com",
          "Bob",
          "Wilson",
          "Bob Wilson",
          "1975-12-01",
          null,
          null,
          null,
          null,
          null,
          true,
          null);

  private static String marked(List<Comparison.Part> parts) {
    return parts.stream()
        .filter(Comparison.Part::differs)
        .map(Comparison.Part::text)
        .collect(Collectors.joining(" "));
  }

  @Test
  void differingWordsAreMarkedOnBothSidesIgnoringCaseAndAccents() {
    CaseFile.Verified v =
        new CaseFile.Verified(
            "ROBERT WILSON",
            "ROBERT",
            LocalDate.of(1975, 12, 1),
            ProofingStatus.OK,
            0.9,
            "i-1",
            null,
            null,
            null);
    List<Comparison.Row> rows =
        Comparison.rows(
            BOB,
            v,
            List.of(
                new CaseFile.Rule("given-name", "FAIL", "Bob is not ROBERT"),
                new CaseFile.Rule("birthdate", "PASS", "same")));
    Comparison.Row given = rows.get(0);
    assertEquals("Bob", marked(given.directory()));
    assertEquals("ROBERT", marked(given.verified()));
    assertEquals("FAIL", given.outcome());
    Comparison.Row surname = rows.get(1);
    assertEquals("", marked(surname.directory()), "Wilson is on the document");
    assertEquals("ROBERT", marked(surname.verified()));
    assertEquals("NOT_COMPARED", surname.outcome(), "no family-name rule was recorded");
    assertEquals("", marked(rows.get(3).directory()), "same birthdate");

    CaseFile.Directory jose =
        new CaseFile.Directory(
            "j",
            "José",
            "García",
            "José García",
            "1991-11-22",
            null,
            null,
            null,
            null,
            null,
            true,
            null);
    CaseFile.Verified doc =
        new CaseFile.Verified(
            "JOSE GARCIA",
            "JOSE",
            LocalDate.of(1991, 11, 22),
            ProofingStatus.OK,
            null,
            null,
            null,
            null,
            null);
    assertEquals("", marked(Comparison.rows(jose, doc, List.of()).get(0).directory()));
  }

  @Test
  void onlyTheDatePartsThatDifferAreMarked() {
    CaseFile.Verified v =
        new CaseFile.Verified(
            "BOB WILSON",
            "BOB",
            LocalDate.of(1975, 1, 12),
            ProofingStatus.OK,
            null,
            null,
            null,
            null,
            null);
    Comparison.Row birthdate = Comparison.rows(BOB, v, List.of()).get(3);
    assertEquals("-12 -01", marked(birthdate.directory()));
    assertEquals("-01 -12", marked(birthdate.verified()));
    CaseFile.Directory none =
        new CaseFile.Directory(
            "b", "Bob", "Wilson", "Bob Wilson", null, null, null, null, null, null, true, null);
    Comparison.Row missing = Comparison.rows(none, v, List.of()).get(3);
    assertEquals(0, missing.directory().size());
    assertEquals(
        3,
        missing.verified().stream().filter(Comparison.Part::differs).count(),
        "nothing to compare with: all marked");
  }
}
