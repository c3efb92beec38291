package io.recoveryportal.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-written expectations in src/test/resources/matching/pairs.tsv. "&lt;null&gt;" is a null,
 * an empty cell "". The failing rule may name the reason too, "family-name:only part of": the
 * rule's explanation must contain it. The eleventh column, the document's country (ICAO
 * three-letter code), is optional: unknown when absent.
 */
final class PairsTable {

  static final String NULL = "<null>";

  /**
   * One row: inputs, what must come out, and why; {@code section} is the "# ..." heading above it.
   */
  record Pair(
      int line,
      String section,
      DirectoryPerson directory,
      VerifiedIdentity document,
      Outcome expected,
      String failingRule,
      String reason,
      String comment) {
    @Override
    public String toString() {
      return "line " + line + ": " + comment;
    }
  }

  private PairsTable() {}

  static List<Pair> load() {
    try (InputStream in = PairsTable.class.getResourceAsStream("/matching/pairs.tsv")) {
      if (in == null) {
        throw new IllegalStateException("matching/pairs.tsv not on the test class path");
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
      List<Pair> pairs = new ArrayList<>();
      String section = "";
      for (int i = 1; i < lines.length; i++) { // line 1 is the header
        if (lines[i].startsWith("#")) {
          section = lines[i].substring(1).strip();
          continue;
        }
        if (lines[i].isEmpty()) {
          continue;
        }
        String[] f = lines[i].split("\t", -1);
        if (f.length != 10 && f.length != 11) {
          throw new IllegalStateException(
              "pairs.tsv line " + (i + 1) + " has " + f.length + " columns");
        }
        String[] failing = f[8].split(":", 2);
        pairs.add(
            new Pair(
                i + 1,
                section,
                new DirectoryPerson(cell(f[0]), cell(f[1]), cell(f[2]), cell(f[3])),
                new VerifiedIdentity(
                    cell(f[4]),
                    cell(f[5]),
                    f[6].equals(NULL) ? null : LocalDate.parse(f[6]),
                    f.length > 10 ? f[10] : null),
                Outcome.valueOf(f[7]),
                failing[0].equals("-") ? null : failing[0],
                failing.length > 1 ? failing[1] : null,
                f[9]));
      }
      return pairs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cell(String s) {
    return s.equals(NULL) ? null : s;
  }
}
