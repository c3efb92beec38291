package io.recoveryportal.reset;

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
 * The local check of a new password before it goes to Entra: long enough, the same twice, not guessable by
 * nbvcxz's estimator (which carries lists of common and leaked passwords and common words), and not built from
 * the person's own names or address. Entra's own policy still applies afterwards.
 */
public final class PasswordPolicy {

    private static final int MAX_LENGTH = 256;

    private final int minLength;

    public PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    /** A plain-language problem with the password, or empty when it may be sent to the directory. */
    public Optional<String> problem(String password, String confirmation, List<String> personalWords) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a new password.");
        }
        if (!password.equals(confirmation)) {
            return Optional.of("The two passwords are not the same. Type the same password in both boxes.");
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            return Optional.of("Use at least " + minLength + " characters. A few unrelated words make a long password easy to remember.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        for (String word : personalWords) {
            if (word != null && word.length() >= 3 && lower.contains(word.toLowerCase(Locale.ROOT))) {
                return Optional.of("Do not use your name or email address in your password.");
            }
        }
        Result r = estimator(personalWords).estimate(password);
        if (!r.isMinimumEntropyMet()) {
            return Optional.of("This password is too easy to guess: it is common, appeared in a data breach, or follows a "
                    + "simple pattern. Try a longer one made of unrelated words.");
        }
        return Optional.empty();
    }

    private static Nbvcxz estimator(List<String> personalWords) {
        DictionaryBuilder own = new DictionaryBuilder().setDictionaryName("person").setExclusion(true);
        personalWords.stream().filter(w -> w != null && !w.isBlank()).forEach(w -> own.addWord(w.toLowerCase(Locale.ROOT), 0));
        List<Dictionary> dictionaries = ConfigurationBuilder.getDefaultDictionaries();
        dictionaries.add(own.createDictionary());
        Configuration c = new ConfigurationBuilder().setDictionaries(dictionaries).createConfiguration();
        return new Nbvcxz(c);
    }
}
