package io.recoveryportal.reset;

import io.recoveryportal.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * The local check of a new password before it goes to Entra: long enough, the same twice, not
 * guessable by nbvcxz's estimator (which carries lists of common and leaked passwords and common
 * words), and not built from the person's own names or address. Entra's own policy still applies
 * afterwards.
 *
 * <p>Safe from many threads: nbvcxz's defaults (dictionaries, matchers, keyboard graphs) are read
 * once and never changed; each check gets its own dictionary list, the defaults plus the person's
 * words, which is dropped with it.
 */
public final class PasswordPolicy {

  private static final int MAX_LENGTH = 256;

  /**
   * nbvcxz's default configuration. Its dictionary list is the one static list that {@link
   * ConfigurationBuilder#getDefaultDictionaries()} hands to every caller, so it is copied here and
   * never added to: appending the person's dictionary to it made every check slower than the last,
   * kept every person's name in memory and broke concurrent checks
   * (ConcurrentModificationException).
   */
  private static final Configuration DEFAULTS = new ConfigurationBuilder().createConfiguration();

  private static final List<Dictionary> DEFAULT_DICTIONARIES =
      List.copyOf(DEFAULTS.getDictionaries());

  private final int minLength;

  public PasswordPolicy(int minLength) {
    this.minLength = minLength;
  }

  /** A plain-language problem with the password, or empty when it may be sent to the directory. */
  public Optional<Text> problem(String password, String confirmation, List<String> personalWords) {
    if (password == null || password.isEmpty()) {
      return Optional.of(Text.of("password.enter"));
    }
    if (!password.equals(confirmation)) {
      return Optional.of(Text.of("password.not-same"));
    }
    if (password.codePointCount(0, password.length()) < minLength) {
      return Optional.of(Text.of("password.too-short", "min", minLength));
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of(Text.of("password.too-long", "max", MAX_LENGTH));
    }
    String lower = password.toLowerCase(Locale.ROOT);
    for (String word : personalWords) {
      if (word != null && word.length() >= 3 && lower.contains(word.toLowerCase(Locale.ROOT))) {
        return Optional.of(Text.of("password.personal"));
      }
    }
    Result r = estimator(personalWords).estimate(password);
    if (!r.isMinimumEntropyMet()) {
      return Optional.of(Text.of("password.guessable"));
    }
    return Optional.empty();
  }

  private static Nbvcxz estimator(List<String> personalWords) {
    DictionaryBuilder own = new DictionaryBuilder().setDictionaryName("person").setExclusion(true);
    personalWords.stream()
        .filter(w -> w != null && !w.isBlank())
        .forEach(w -> own.addWord(w.toLowerCase(Locale.ROOT), 0));
    List<Dictionary> dictionaries = new ArrayList<>(DEFAULT_DICTIONARIES.size() + 1);
    dictionaries.addAll(DEFAULT_DICTIONARIES);
    dictionaries.add(own.createDictionary());
    // the rest of the defaults are immutable or only read, so every check shares them
    return new Nbvcxz(
        new Configuration(
            DEFAULTS.getPasswordMatchers(),
            DEFAULTS.getGuessTypes(),
            dictionaries,
            DEFAULTS.getAdjacencyGraphs(),
            DEFAULTS.getLeetTable(),
            DEFAULTS.getYearPattern(),
            DEFAULTS.getMinimumEntropy(),
            DEFAULTS.getMaxLength(),
            DEFAULTS.getLocale(),
            DEFAULTS.isDistanceCalc(),
            DEFAULTS.getCombinationAlgorithmTimeout()));
  }
}
