/**
 * Matching the identity Incode verified (legal name and birthdate from a government ID) against the Entra
 * directory account before any recovery. Pure Java; entry point {@link io.recoveryportal.matching.IdentityMatcher#match}.
 *
 * <h2>Direction of error</h2>
 * A wrong MATCH hands an account to an impostor; a wrong REVIEW costs a reviewer a few minutes. Every doubt is
 * therefore a REVIEW, and MATCH needs every required rule to PASS. All rule results are kept for the reviewer;
 * none is ever shown to the employee (NIST SP 800-63A-4 §3.1: do not let a claimant learn which field failed).
 *
 * <h2>Names are compared as words</h2>
 * {@link io.recoveryportal.matching.NameNormalizer}: NFKC, root-locale lower case with the Turkish i's folded,
 * hyphens and spaces as word breaks, apostrophes dropped, and each word in two spellings, ICAO Doc 9303 (MÜLLER
 * as MUELLER in the MRZ) and diacritics stripped (MULLER), so either is accepted. A run of words also compares
 * written as one (DUBOIS-MARTIN, DUBOIS MARTIN, DUBOISMARTIN; O'CONNOR, O CONNOR). Words are otherwise equal or
 * not: no edit distance, no phonetics, no nickname tables (Bob is not Robert: a preferred name goes to review,
 * which is the exception process Okta found it needed). Non-Latin letters (including a Cyrillic look-alike
 * inside a Latin name), digits, symbols and emoji make a name unusable and the case a REVIEW: transliterating
 * Cyrillic or Greek differs between countries, so a person compares those.
 *
 * <h2>Rules, in reporting order</h2>
 * <ol>
 * <li><b>document-name</b> (required): a usable name claim. Incode has no family-name claim. If
 * {@code given_name} is a proper part of {@code name} it fixes which words are given names; if it repeats the
 * whole name (Incode's published example) or is absent, the order is inferred; if it is not part of the name,
 * the claims contradict each other: FAIL.</li>
 * <li><b>family-name</b> (required): every word of the directory surname appears in the document, consecutive
 * and in order, outside the document's given names. Double surnames: when the directory holds one of the
 * document's surnames (García of GARCÍA LÓPEZ, Spanish usage; Silva of COSTA SILVA, Portuguese usage) it is a
 * PASS and the other is reported; a directory surname with a part the document lacks is a FAIL. An initial never
 * stands for a surname; no surname in the directory is MISSING (a single-name person goes to review).</li>
 * <li><b>given-name</b> (required): the directory's first given name equals the document's first given name;
 * further directory given names must follow in order. Extra document names (middle names) are fine. An initial
 * may stand for a middle name in either direction, never for the first given name. When the family name comes
 * first on the document (NGUYEN VAN AN) the directory given name may also be the last document name (Vietnamese
 * order: "Van" is a middle name).</li>
 * <li><b>name-order</b> (required): the surname and the given names were found on different words. A word
 * cannot serve as both ("Lee Lee" against LEE SMITH fails). Family-name-first documents are accepted.</li>
 * <li><b>display-name</b> (informational): every display-name word is on the document, in any order, initials
 * allowed. Display names are free text ("Smith, Jane", "Jane Smith (Contractor)", a preferred name) and add no
 * evidence beyond givenName and surname, so this only informs the reviewer.</li>
 * <li><b>birthdate</b> (required): exact equality with the directory attribute, read as YYYY-MM-DD or as a
 * date-time at exactly midnight UTC (what a DateTime-typed extension returns). Other times of day, other layouts
 * (15/06/1985 vs 06/15/1985 are ambiguous) and impossible dates are MISSING; absent on either side is MISSING.</li>
 * </ol>
 * MISSING means "could not be assessed": a value absent or unusable, or a rule this one depends on not passing.
 * If the matcher itself fails on some input the only rule is {@code matcher-error}: a REVIEW.
 *
 * <h2>Known leniencies</h2>
 * Without a {@code given_name} that separates the names, JAMES HENRY matches directory Henry James (read as
 * family-first); a hyphenated document given name (JEAN-LUC) is read as first plus middle name, because the MRZ
 * writes hyphens as spaces. Both still need the other rules, including the exact birthdate.
 */
package io.recoveryportal.matching;
