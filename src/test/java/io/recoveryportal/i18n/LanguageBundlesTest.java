package io.recoveryportal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every language's bundles against English's: the same keys, none missing and none extra, and in
 * each text the same {name} parameters (a translation may move them, never drop, rename or add
 * one). Every one of the ten languages has a file for each bundle. To add a language: one file per
 * bundle beside the English one, and its tag in {@link Languages#SUPPORTED}; this test then checks
 * it.
 */
class LanguageBundlesTest {

  /** Each bundle with words for people: the pages' and messages', and the mails'. */
  static final List<String> BUNDLES =
      List.of("io/recoveryportal/i18n/messages", "io/recoveryportal/notification/mail");

  private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z]+)\\}");

  static Stream<Arguments> translations() {
    return BUNDLES.stream()
        .flatMap(
            b ->
                Languages.SUPPORTED.stream()
                    .filter(l -> !l.equals(Languages.ENGLISH))
                    .map(l -> Arguments.of(b, l)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("translations")
  void eachTranslationHasEnglishsKeysAndParameters(String bundle, Locale language)
      throws IOException {
    Map<String, String> english = read(bundle + ".properties");
    Map<String, String> translated = read(bundle + "_" + language.toString() + ".properties");
    if (translated == null) {
      fail(
          bundle
              + "_"
              + language
              + ".properties is missing: every one of the ten languages needs it");
    }
    Set<String> missing = new TreeSet<>(english.keySet());
    missing.removeAll(translated.keySet());
    Set<String> extra = new TreeSet<>(translated.keySet());
    extra.removeAll(english.keySet());
    assertTrue(missing.isEmpty(), language + " lacks " + missing);
    assertTrue(extra.isEmpty(), language + " has keys English does not: " + extra);
    List<String> wrong = new ArrayList<>();
    english.forEach(
        (key, text) -> {
          if (!parameters(text).equals(parameters(translated.get(key)))) {
            wrong.add(
                key + " " + parameters(translated.get(key)) + " instead of " + parameters(text));
          }
          if (translated.get(key).isBlank() && !text.isBlank()) {
            wrong.add(key + " is empty");
          }
        });
    assertTrue(wrong.isEmpty(), language + ": " + wrong);
  }

  @Test
  void englishIsTheBaseAndItsEmptyLanguageFileAddsNothing() throws IOException {
    for (String bundle : BUNDLES) {
      assertTrue(read(bundle + ".properties").size() > 10, bundle);
      assertEquals(
          Map.of(),
          read(bundle + "_en.properties"),
          bundle + "_en only stops a fallback to the JVM's locale");
    }
  }

  @Test
  void theCheckCatchesARenamedOrDroppedParameter() {
    assertEquals(Set.of("helpdesk"), parameters("Contact {helpdesk}."));
    assertTrue(!parameters("Contactez {support}.").equals(parameters("Contact {helpdesk}.")));
    assertTrue(!parameters("Contactez le support.").equals(parameters("Contact {helpdesk}.")));
  }

  static Set<String> parameters(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = PARAMETER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * The file's entries, read as UTF-8 (as ResourceBundle does); null when there is no such file.
   */
  static Map<String, String> read(String path) throws IOException {
    try (InputStream in = LanguageBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> out = new TreeMap<>();
      p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
      return out;
    }
  }
}
