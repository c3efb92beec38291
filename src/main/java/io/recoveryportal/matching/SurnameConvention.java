package io.recoveryportal.matching;

import java.util.Locale;
import java.util.Set;

/**
 * Which of two surnames a person uses day to day, by the country that issued the document (or the
 * holder's nationality): the first in Spanish usage (García of GARCÍA LÓPEZ), the last in
 * Portuguese usage (Silva of COSTA SILVA). Everywhere else, and whenever the country is unknown, a
 * directory surname that is only part of the document's is a REVIEW.
 */
enum SurnameConvention {
  SPANISH("Spanish usage keeps the first surname"),
  PORTUGUESE("Portuguese usage keeps the last surname"),
  NONE("no convention leaves a surname out");

  /**
   * ICAO Doc 9303 three-letter codes of the states whose documents carry two surnames, father's
   * first.
   */
  private static final Set<String> SPANISH_USAGE =
      Set.of(
          "ESP", "AND", "MEX", "GTM", "HND", "SLV", "NIC", "CRI", "PAN", "CUB", "DOM", "COL", "VEN",
          "ECU", "PER", "BOL", "CHL", "ARG", "PRY", "URY", "GNQ");

  /** ... and those whose documents end with the father's surname. */
  private static final Set<String> PORTUGUESE_USAGE =
      Set.of("PRT", "BRA", "AGO", "MOZ", "CPV", "GNB", "STP", "TLS");

  private final String rule;

  SurnameConvention(String rule) {
    this.rule = rule;
  }

  /** The convention of a three-letter country code; NONE for any other country. */
  static SurnameConvention of(String country) {
    String code = country.toUpperCase(Locale.ROOT);
    return SPANISH_USAGE.contains(code)
        ? SPANISH
        : PORTUGUESE_USAGE.contains(code) ? PORTUGUESE : NONE;
  }

  /** For the reviewer: "Spanish usage keeps the first surname". */
  String rule() {
    return rule;
  }
}
