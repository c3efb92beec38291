/**
 * Matching the identity Incode verified (legal name and birthdate from a government ID) against the
 * Entra directory account before any recovery. Pure Java; entry point {@link
 * io.recoveryportal.matching.IdentityMatcher#match}.
 *
 * <h2>Direction of error</h2>
 *
 * A wrong MATCH hands an account to an impostor; a wrong REVIEW costs a reviewer a few minutes.
 * Every doubt is therefore a REVIEW, and MATCH needs every required rule to PASS. All rule results
 * are kept for the reviewer; none is ever shown to the employee (NIST SP 800-63A-4 §3.1: do not let
 * a claimant learn which field failed).
 *
 * <h2>Names are compared as words</h2>
 *
 * {@link io.recoveryportal.matching.NameNormalizer}: NFKC, root-locale lower case with the Turkish
 * i's folded, hyphens and spaces as word breaks (a hyphenated name stays one unit), apostrophes
 * dropped, and each word in three spellings: ICAO Doc 9303 (MÜLLER as MUELLER in the MRZ), the
 * national passport form of the few letters that have one, and diacritics stripped (MULLER); any of
 * them is accepted. A run of words also compares written as one (DUBOIS-MARTIN, DUBOIS MARTIN,
 * DUBOISMARTIN; O'CONNOR, O CONNOR). Words are otherwise equal or not: no edit distance, no
 * phonetics, no nickname tables (Bob is not Robert: a preferred name goes to review, which is the
 * exception process Okta found it needed). Non-Latin letters (including a Cyrillic look-alike
 * inside a Latin name), digits, symbols and emoji make a name unusable and the case a REVIEW:
 * transliterating Cyrillic or Greek differs between countries, so a person compares those.
 *
 * <h3>Transliteration: what is and is not handled</h3>
 *
 * Handled, every letter of the ICAO Doc 9303 Part 3 table of Latin characters (section 6): the
 * digraphs Ä→AE, Å→AA, Æ→AE, Ö→OE, Ø→OE, Œ→OE, Ü→UE, ß/ẞ→SS, Þ→TH, Ĳ→IJ, and every other letter to
 * one letter (Ð→D, Đ→D, Ł→L, Ħ→H, Ŧ→T, Ŋ→N, ı→I, accented letters to their base letter); the
 * Catalan l·l and typographic apostrophes; and the national passport digraphs Đ→DJ (Serbian and
 * older Yugoslav documents; a capital Ð, identical to Đ, too), pinyin ü→YU (Chinese passports: LYU)
 * and ō→OH (Japanese passports: SATOH). A national form applies to the letter whatever the
 * language, so Müller also reads MYULLER; no such name exists, so nothing is lost. One word uses
 * one convention: DJORDE for Đorđe (DJ and D mixed) is a REVIEW. Not handled, so a REVIEW: the
 * optional "XX" forms of older editions (Ñ as NXX, Ü as UXX); Japanese long vowels as OU, OO or UU;
 * pinyin ü as V; Ŋ as NG; Azerbaijani Ə as A; a directory that lost a letter's mark while the
 * document has the digraph (Muller against MUELLER, Dokovic against DJOKOVIC, Sato against SATOH:
 * nothing shows the letter was there).
 *
 * <h2>Rules, in reporting order</h2>
 *
 * <ol>
 *   <li><b>document-name</b> (required): a usable name claim. Incode has no family-name claim. If
 *       {@code given_name} is a proper part of {@code name} it fixes which words are given names;
 *       if it repeats the whole name (Incode's published example) or is absent, the name's layout
 *       may still fix them (the MRZ's "SMITH&lt;&lt;JANE", or "SMITH, JANE"), else the order is
 *       inferred; if it is not part of the name, the claims contradict each other: FAIL.
 *   <li><b>family-name</b> (required): every word of the directory surname appears in the document,
 *       consecutive and in order, outside the document's given names. Any other document word
 *       outside the given names must be a generational suffix (JR, SR, II, III, IV) or a name
 *       particle (van, der, de, la, del, da, dos, von, al, bin, …; y, e, i only between words), and
 *       without a claim or layout the surname must not appear again among the words read as given
 *       names (JOHN SMITH MARY SMITH may be two people). Otherwise the directory holds only part of
 *       a multi-part surname, or the document carries another word (a second person's name, a field
 *       label): a PASS only where the document's country makes that the surname in use, with one
 *       further surname: the first in Spanish usage (García of GARCÍA LÓPEZ), the last in
 *       Portuguese usage (Silva of COSTA SILVA), see {@code SurnameConvention}. The country is
 *       never known today (Incode documents no claim for it), so this is always a FAIL. An initial
 *       never stands for a surname; no surname in the directory is MISSING (a single-name person
 *       goes to review).
 *   <li><b>given-name</b> (required): the directory's first given name equals the document's first
 *       given name; further directory given names must follow in order. Extra document names
 *       (middle names) are fine. Names match whole: Jean is not Jean-Luc, Anne is not Anne-Sophie
 *       (twins are named so, with the same surname and birthdate); hyphen against space (Jean-Luc,
 *       JEAN LUC) is the same name. An initial may stand for a middle name in either direction,
 *       never for the first given name. When the family name comes first on the document (NGUYEN
 *       VAN AN) the directory given name may also be the last document name (Vietnamese order:
 *       "Van" is a middle name).
 *   <li><b>name-order</b> (required): the surname and the given names were found on different
 *       words. A word cannot serve as both ("Lee Lee" against LEE SMITH fails). Given names first
 *       is the usual order. Family name first is accepted as the given_name claim or the layout
 *       states it; when it is only inferred from where the surname sits, only if it is unambiguous:
 *       the surname and the given name each on one side, and the surname one that is rarely a given
 *       name ({@code family-name-first-surnames.txt}: common Chinese, Vietnamese, Korean, Japanese
 *       and Hungarian surnames, less those that are given names too, such as Kim, Lee, Li or Abe).
 *       JAMES HENRY against Henry James is a FAIL: James Henry is just as plausible.
 *   <li><b>display-name</b> (informational): every display-name word is on the document, in any
 *       order, initials allowed. Display names are free text ("Smith, Jane", "Jane Smith
 *       (Contractor)", a preferred name) and add no evidence beyond givenName and surname, so this
 *       only informs the reviewer.
 *   <li><b>birthdate</b> (required): exact equality with the directory attribute, read as
 *       YYYY-MM-DD or as a date-time at exactly midnight UTC (what a DateTime-typed extension
 *       returns). Other times of day, other layouts (15/06/1985 vs 06/15/1985 are ambiguous) and
 *       impossible dates are MISSING; absent on either side is MISSING; so is a directory date that
 *       is a known placeholder ({@link io.recoveryportal.matching.MatchingPolicy}: 1900-01-01,
 *       1970-01-01, 0001-01-01 and the like, configurable), even when the document carries the same
 *       date.
 * </ol>
 *
 * MISSING means "could not be assessed": a value absent or unusable, or a rule this one depends on
 * not passing. If the matcher itself fails on some input the only rule is {@code matcher-error}: a
 * REVIEW.
 *
 * <h2>Known leniencies</h2>
 *
 * What still auto-approves although a second reading exists, because the data cannot tell the
 * readings apart and the common case is genuine. All of them still need every other rule, including
 * the exact birthdate.
 *
 * <ul>
 *   <li>Without a {@code given_name} that separates the names, the words between the first given
 *       name and the surname read as middle names: JOSE GARCIA LOPEZ matches José López (GARCIA may
 *       be a first surname), MOHAMMED BIN SALMAN AL SAUD matches Mohammed Al Saud.
 *   <li>A hyphen written as a space (as the MRZ always does) cannot be told from two names: JEAN
 *       MARC DUPONT matches Jean Dupont, with Marc as a middle name.
 *   <li>The family-name-first list is a judgement: a listed surname that someone does use as a
 *       given name would let that swapped reading through.
 * </ul>
 */
package io.recoveryportal.matching;
