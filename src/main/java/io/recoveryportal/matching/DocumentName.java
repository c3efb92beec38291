package io.recoveryportal.matching;

import static io.recoveryportal.matching.RuleResult.DOCUMENT_NAME;

import io.recoveryportal.matching.NameAlignment.Window;
import java.util.List;

/**
 * The verified name in document order, and where its given names are when the claims say so.
 *
 * Incode sends no family-name claim. When {@code given_name} is a proper part of {@code name}
 * ("MICHAEL JAMES" of "MICHAEL JAMES BROWN", "VAN AN" of "NGUYEN VAN AN") it tells exactly which words are given
 * names, and the rest are family names. When it repeats the whole name (Incode's published example), or is
 * absent, the structure is unknown and {@link NameRules} infers it from where the directory surname sits. A
 * {@code given_name} that is not part of {@code name} means the claims contradict each other: REVIEW.
 */
final class DocumentName {

    private static final int SHOW_MAX = 60;

    private final List<NameToken> words;
    private final Window givenWindow;
    private final RuleResult rule;

    private DocumentName(List<NameToken> words, Window givenWindow, RuleResult rule) {
        this.words = words;
        this.givenWindow = givenWindow;
        this.rule = rule;
    }

    static DocumentName of(String fullName, String givenName) {
        NormalizedName full = NameNormalizer.normalize(fullName);
        NormalizedName given = NameNormalizer.normalize(givenName);
        if (full.problem() != null) {
            return unusable(RuleStatus.FAIL, "document name unusable: " + full.problem());
        }
        if (given.problem() != null) {
            return unusable(RuleStatus.FAIL, "document given_name unusable: " + given.problem());
        }
        if (full.isBlank() && given.isBlank()) {
            return unusable(RuleStatus.MISSING, "no name in the verified identity");
        }
        if (full.isBlank()) {
            return inferred(given.tokens(), "no name claim; given_name '" + show(given) + "' taken as the full name");
        }
        if (given.isBlank()) {
            return inferred(full.tokens(), "name '" + show(full) + "'; no given_name claim, name order inferred");
        }
        List<NameToken> words = full.tokens();
        List<Window> at = NameAlignment.find(given.tokens(), words);
        if (at.stream().anyMatch(w -> w.start() == 0 && w.end() == words.size())) {
            return inferred(words, "given_name repeats the full name '" + show(full) + "'; name order inferred");
        }
        if (at.size() == 1) {
            return new DocumentName(words, at.get(0), RuleResult.pass(DOCUMENT_NAME, "given_name '" + show(given) + "' marks the given names in '"
                    + show(full) + "'"));
        }
        if (at.size() > 1) {
            return inferred(words, "given_name '" + show(given) + "' occurs twice in '" + show(full) + "'; name order inferred");
        }
        return unusable(RuleStatus.FAIL, "given_name '" + show(given) + "' is not part of name '" + show(full) + "'");
    }

    private static DocumentName inferred(List<NameToken> words, String explanation) {
        return new DocumentName(words, null, RuleResult.pass(DOCUMENT_NAME, explanation));
    }

    private static DocumentName unusable(RuleStatus status, String explanation) {
        return new DocumentName(List.of(), null, new RuleResult(DOCUMENT_NAME, status, explanation));
    }

    /** A name for an explanation, shortened so hostile input cannot flood the review record. */
    static String show(NormalizedName name) {
        return show(name.tokens());
    }

    static String show(List<NameToken> words) {
        String s = NameToken.show(words);
        return s.length() <= SHOW_MAX ? s : s.substring(0, SHOW_MAX) + "…";
    }

    boolean usable() {
        return rule.status() == RuleStatus.PASS;
    }

    /** The whole name in document order. */
    List<NameToken> words() {
        return words;
    }

    /** Where the given_name claim puts the given names, or null when the structure is unknown. */
    Window givenWindow() {
        return givenWindow;
    }

    RuleResult rule() {
        return rule;
    }
}
