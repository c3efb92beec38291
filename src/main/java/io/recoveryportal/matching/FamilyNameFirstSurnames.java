package io.recoveryportal.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Surnames that make a family-name-first reading unambiguous: common in cultures that write the
 * family name first and rarely or never given names. The list and why it is short are in
 * family-name-first-surnames.txt beside this class. Immutable.
 */
final class FamilyNameFirstSurnames {

  private static final Set<String> SURNAMES = load();

  private FamilyNameFirstSurnames() {}

  /**
   * Whether the document word (or words joined) is one of the listed surnames, in either spelling.
   */
  static boolean contains(NameToken surname) {
    return SURNAMES.contains(surname.plain()) || SURNAMES.contains(surname.icao());
  }

  /** Every listed surname, for tests. */
  static Set<String> all() {
    return SURNAMES;
  }

  private static Set<String> load() {
    try (InputStream in =
        FamilyNameFirstSurnames.class.getResourceAsStream("family-name-first-surnames.txt")) {
      if (in == null) {
        throw new IllegalStateException("family-name-first-surnames.txt is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.startsWith("#"))
          .flatMap(line -> Arrays.stream(line.strip().split("\\s+")))
          .filter(word -> !word.isEmpty())
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
