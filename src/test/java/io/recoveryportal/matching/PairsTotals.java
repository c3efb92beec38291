package io.recoveryportal.matching;

import io.recoveryportal.matching.PairsTable.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints what the matcher does with pairs.tsv, by category: rows written as the same person
 * (expected MATCH) and rows a careful reviewer would see (expected REVIEW: near-miss impostors and
 * ambiguous readings), each with how many the matcher auto-approved; then the same per section of
 * the table. The figures behind the closing note of issue 11:
 *
 * <pre>
 * mvn -B -o -q -Duberjar.skip test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.recoveryportal.matching.PairsTotals
 * </pre>
 */
public final class PairsTotals {

  private PairsTotals() {}

  /** Rows, and how many of them the matcher auto-approved. */
  private static final class Count {
    int rows;
    int matched;

    void add(boolean match) {
      rows++;
      matched += match ? 1 : 0;
    }
  }

  public static void main(String[] args) {
    List<Pair> pairs = PairsTable.load();
    Count genuine = new Count();
    Count review = new Count();
    Map<String, Count[]> sections = new LinkedHashMap<>();
    for (Pair p : pairs) {
      boolean match =
          IdentityMatcher.match(p.document(), p.directory(), MatchingPolicy.DEFAULT).outcome()
              == Outcome.MATCH;
      boolean expectMatch = p.expected() == Outcome.MATCH;
      (expectMatch ? genuine : review).add(match);
      Count[] s =
          sections.computeIfAbsent(p.section(), k -> new Count[] {new Count(), new Count()});
      s[expectMatch ? 0 : 1].add(match);
    }
    System.out.printf("pairs.tsv: %d rows%n", pairs.size());
    System.out.printf(
        "  expected MATCH (same person):             %4d rows, auto-approved %4d, sent to review %4d%n",
        genuine.rows, genuine.matched, genuine.rows - genuine.matched);
    System.out.printf(
        "  expected REVIEW (near miss or ambiguous): %4d rows, auto-approved %4d, sent to review %4d%n",
        review.rows, review.matched, review.rows - review.matched);
    System.out.println(
        "by section (expected MATCH: auto-approved/rows | expected REVIEW: auto-approved/rows):");
    sections.forEach(
        (name, s) ->
            System.out.printf(
                "  %-80s %3d/%-3d | %3d/%-3d%n",
                name.length() > 80 ? name.substring(0, 79) + "…" : name,
                s[0].matched,
                s[0].rows,
                s[1].matched,
                s[1].rows));
  }
}
