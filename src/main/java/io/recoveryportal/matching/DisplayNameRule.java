package io.recoveryportal.matching;

import static io.recoveryportal.matching.DocumentName.show;
import static io.recoveryportal.matching.RuleResult.DISPLAY_NAME;
import static io.recoveryportal.matching.RuleResult.fail;
import static io.recoveryportal.matching.RuleResult.missing;
import static io.recoveryportal.matching.RuleResult.pass;

import java.util.ArrayList;
import java.util.List;

/**
 * Informational: is every word of the directory display name on the document? Order is free
 * ("Smith, Jane", "Nguyen Van An") and an initial may stand for any document name ("Sarah J.
 * O'Connor" against SARAH JANE O'CONNOR). It never decides the outcome (see {@link
 * RuleResult#required()}) but tells the reviewer when the directory's own records disagree with
 * each other or with the document.
 */
final class DisplayNameRule {

  private DisplayNameRule() {}

  static RuleResult evaluate(DocumentName doc, String displayName) {
    NormalizedName display = NameNormalizer.normalize(displayName);
    if (display.isBlank()) {
      return missing(DISPLAY_NAME, "directory has no display name");
    }
    if (display.problem() != null) {
      return missing(DISPLAY_NAME, "display name unusable: " + display.problem());
    }
    if (!doc.usable()) {
      return missing(DISPLAY_NAME, "not assessed: document name unusable");
    }
    List<NameToken> absent = new ArrayList<>();
    for (List<NameToken> unit : display.units()) {
      if (!onDocument(unit, doc.words())) {
        absent.add(NameToken.joined(unit));
      }
    }
    return absent.isEmpty()
        ? pass(
            DISPLAY_NAME, "every word of display name '" + show(display) + "' is on the document")
        : fail(DISPLAY_NAME, "display name word(s) '" + show(absent) + "' not on the document");
  }

  private static boolean onDocument(List<NameToken> unit, List<NameToken> words) {
    if (unit.size() == 1 && unit.get(0).isInitial()) {
      return words.stream().anyMatch(w -> unit.get(0).abbreviates(w) || unit.get(0).spelledLike(w));
    }
    return !NameAlignment.find(unit, words).isEmpty();
  }
}
