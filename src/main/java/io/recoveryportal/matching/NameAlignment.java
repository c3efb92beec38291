package io.recoveryportal.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Searches a document's words for directory names. Pure functions over {@link NameToken}s. */
final class NameAlignment {

  /** Document words [start, end). */
  record Window(int start, int end) {
    boolean overlaps(Window other) {
      return start < other.end && other.start < end;
    }

    <T> List<T> of(List<T> words) {
      return words.subList(start, end);
    }
  }

  /** Where the given names must sit among the document's given words. */
  enum Anchor {
    /**
     * The directory's first given name is the document's first given name (given-first cultures,
     * Chinese, Korean).
     */
    FIRST,
    /**
     * The directory's given name ends the document name (Vietnamese: NGUYEN VAN AN, where "Van" is
     * a middle name).
     */
    LAST
  }

  private NameAlignment() {}

  /**
   * Every run of consecutive document words that spells the whole {@code name}, however either side
   * was spaced.
   */
  static List<Window> find(List<NameToken> name, List<NameToken> words) {
    List<Window> found = new ArrayList<>();
    for (int start = 0; start < words.size(); start++) {
      for (int end = start + 1; end <= words.size(); end++) {
        if (sameWords(name, words.subList(start, end))) {
          found.add(new Window(start, end));
        }
      }
    }
    return found;
  }

  /**
   * Word by word (so a mixed ICAO/plain spelling across a double name still matches), or written as
   * one ("dubois martin" = "duboismartin").
   */
  static boolean sameWords(List<NameToken> a, List<NameToken> b) {
    if (a.size() == b.size()) {
      boolean pairwise = true;
      for (int i = 0; i < a.size() && pairwise; i++) {
        pairwise = a.get(i).spelledLike(b.get(i));
      }
      if (pairwise) {
        return true;
      }
    }
    return NameToken.joined(a).spelledLike(NameToken.joined(b));
  }

  /**
   * Whether every directory given-name unit appears among the document's given words, in order,
   * without sharing words, the first one at the anchor. Extra document words (middle names) may sit
   * between or after. A directory initial ("J.") may stand for a later document name and a document
   * initial for a later directory name, but the first given name must be spelled out on both sides:
   * initials are where impostors hide. A directory name only matches whole document names: it
   * starts and ends where {@code boundary} allows (position k is before document word k), so Jean
   * is not the first half of JEAN-LUC.
   */
  static boolean givenNamesFit(
      List<NameToken> directoryUnits,
      List<NameToken> documentWords,
      Anchor anchor,
      IntPredicate boundary) {
    if (directoryUnits.isEmpty() || documentWords.isEmpty()) {
      return false;
    }
    return new GivenNameSearch(directoryUnits, documentWords, anchor, boundary).fits(0, 0);
  }

  /** Memoised search: at most {@link NameNormalizer#MAX_WORDS} squared states. */
  private static final class GivenNameSearch {
    private final List<NameToken> dir;
    private final List<NameToken> doc;
    private final Anchor anchor;
    private final IntPredicate boundary;
    private final Boolean[][] memo;

    GivenNameSearch(
        List<NameToken> dir, List<NameToken> doc, Anchor anchor, IntPredicate boundary) {
      this.dir = dir;
      this.doc = doc;
      this.anchor = anchor;
      this.boundary = boundary;
      this.memo = new Boolean[dir.size() + 1][doc.size() + 1];
    }

    /** Directory units from {@code i} fit into document words from {@code j}. */
    boolean fits(int i, int j) {
      if (i == dir.size()) {
        return anchor == Anchor.FIRST || j == doc.size();
      }
      if (memo[i][j] == null) {
        memo[i][j] = search(i, j);
      }
      return memo[i][j];
    }

    private boolean search(int i, int j) {
      boolean first = i == 0;
      int lastStart = first && anchor == Anchor.FIRST ? j : doc.size() - 1;
      for (int a = i + 1; a <= dir.size(); a++) {
        List<NameToken> units = dir.subList(i, a);
        for (int s = j; s <= lastStart; s++) {
          if (!boundary.test(s)) {
            continue;
          }
          for (int e = s + 1; e <= doc.size(); e++) {
            if (boundary.test(e) && unitsMatch(units, doc.subList(s, e), first) && fits(a, e)) {
              return true;
            }
          }
        }
      }
      return false;
    }

    private static boolean unitsMatch(List<NameToken> units, List<NameToken> words, boolean first) {
      if (first) {
        return units.stream().noneMatch(NameToken::isInitial)
            && words.stream().noneMatch(NameToken::isInitial)
            && sameWords(units, words);
      }
      boolean single = units.size() == 1 && words.size() == 1;
      return sameWords(units, words)
          || single
              && (units.get(0).abbreviates(words.get(0)) || words.get(0).abbreviates(units.get(0)));
    }
  }
}
