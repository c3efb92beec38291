package io.recoveryportal.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The subset of OData {@code $filter} that Graph answers on users without advanced-query headers:
 * {@code prop eq 'v'}, {@code prop eq true}, {@code coll/any(x:x eq 'v')}, joined by {@code and} /
 * {@code or} with parentheses. String comparison ignores case, as the directory does. Anything else
 * is a 400, never a 500.
 */
final class ODataFilter {

  /** How a property can be filtered. */
  enum Kind {
    STRING,
    BOOLEAN,
    STRING_COLLECTION
  }

  private final String text;
  private final Map<String, Kind> filterable;
  private final Set<String> known;
  private final List<Token> tokens;
  private int pos;

  private record Token(String text, boolean literal, int at) {}

  /**
   * A parsed filter: the test, and (when every object it accepts must hold one of them) the string
   * literals one of which an accepted object has as a property value, compared without case; null
   * when it needs none (a boolean comparison decides alone). Lets a large directory test only the
   * objects holding such a value.
   */
  record Clause(Predicate<Map<String, Object>> test, Set<String> anyOf) {

    Clause or(Clause other) {
      Set<String> both = null;
      if (anyOf != null && other.anyOf != null) {
        both = new HashSet<>(anyOf);
        both.addAll(other.anyOf);
      }
      return new Clause(test.or(other.test), both);
    }

    Clause and(Clause other) {
      Set<String> either =
          anyOf == null
              ? other.anyOf
              : other.anyOf == null || anyOf.size() <= other.anyOf.size() ? anyOf : other.anyOf;
      return new Clause(test.and(other.test), either);
    }
  }

  private ODataFilter(String text, Map<String, Kind> filterable, Set<String> known) {
    this.text = text;
    this.filterable = filterable;
    this.known = known;
    this.tokens = tokenize(text);
  }

  /**
   * Parses {@code filter} over objects seen as property maps. {@code filterable} lists what may be
   * filtered and how; {@code known} is every property of the type, so that a real but unfilterable
   * one gets Graph's "unsupported" answer rather than "no such property".
   */
  static Predicate<Map<String, Object>> parse(
      String filter, Map<String, Kind> filterable, Set<String> known) {
    return parseClause(filter, filterable, known).test();
  }

  /** As {@link #parse}, with the literals an accepted object must hold one of. */
  static Clause parseClause(String filter, Map<String, Kind> filterable, Set<String> known) {
    ODataFilter p = new ODataFilter(filter, filterable, known);
    Clause result = p.or();
    if (p.pos < p.tokens.size()) {
      throw p.syntaxError();
    }
    return result;
  }

  private Clause or() {
    Clause left = and();
    while (accept("or")) {
      left = left.or(and());
    }
    return left;
  }

  private Clause and() {
    Clause left = term();
    while (accept("and")) {
      left = left.and(term());
    }
    return left;
  }

  private Clause term() {
    if (accept("(")) {
      Clause inner = or();
      expect(")");
      return inner;
    }
    String property = identifier();
    Kind kind = kindOf(property);
    if (accept("/")) {
      expect("any");
      expect("(");
      String variable = identifier();
      expect(":");
      if (!identifier().equals(variable)) {
        throw syntaxError();
      }
      expect("eq");
      Object literal = literal();
      expect(")");
      if (kind != Kind.STRING_COLLECTION || !(literal instanceof String s)) {
        throw unsupported(property);
      }
      return new Clause(
          item ->
              item.get(property) instanceof List<?> values
                  && values.stream().anyMatch(v -> v != null && v.toString().equalsIgnoreCase(s)),
          Set.of(s));
    }
    expect("eq");
    Object literal = literal();
    if (kind == Kind.STRING && literal instanceof String s) {
      return new Clause(
          item -> item.get(property) != null && item.get(property).toString().equalsIgnoreCase(s),
          Set.of(s));
    }
    if (kind == Kind.BOOLEAN && literal instanceof Boolean b) {
      return new Clause(item -> b.equals(item.get(property)), null);
    }
    if (kind == Kind.STRING_COLLECTION) {
      throw unsupported(property);
    }
    throw GraphFailure.badRequest(
        "Invalid filter clause: A binary operator with incompatible types was detected. "
            + "Found operand types '"
            + edmType(kind)
            + "' and '"
            + edmType(literal)
            + "' for operator kind 'Equal'.");
  }

  private Kind kindOf(String property) {
    Kind kind = filterable.get(property);
    if (kind != null) {
      return kind;
    }
    if (known.contains(property)) {
      throw unsupported(property);
    }
    throw GraphFailure.badRequest(
        "Invalid filter clause: Could not find a property named '"
            + property
            + "' on type 'microsoft.graph.user'.");
  }

  private static String edmType(Object o) {
    return o instanceof Boolean || o == Kind.BOOLEAN ? "Edm.Boolean" : "Edm.String";
  }

  private GraphFailure unsupported(String property) {
    return new GraphFailure(
        400,
        "Request_UnsupportedQuery",
        "Unsupported or invalid query filter clause specified for property '"
            + property
            + "' of resource 'User'.");
  }

  private GraphFailure syntaxError() {
    int at = pos < tokens.size() ? tokens.get(pos).at() : text.length();
    return GraphFailure.badRequest(
        "Invalid filter clause: Syntax error at position " + at + " in '" + text + "'.");
  }

  private boolean accept(String word) {
    if (pos < tokens.size() && !tokens.get(pos).literal() && tokens.get(pos).text().equals(word)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String word) {
    if (!accept(word)) {
      throw syntaxError();
    }
  }

  private String identifier() {
    if (pos >= tokens.size()
        || tokens.get(pos).literal()
        || !isIdentifier(tokens.get(pos).text())) {
      throw syntaxError();
    }
    return tokens.get(pos++).text();
  }

  private Object literal() {
    if (pos >= tokens.size()) {
      throw syntaxError();
    }
    Token t = tokens.get(pos++);
    if (t.literal()) {
      return t.text();
    }
    return switch (t.text()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> {
        pos--;
        throw syntaxError();
      }
    };
  }

  private static boolean isIdentifier(String s) {
    return !s.isEmpty()
        && (Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')
        && s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '.');
  }

  /** Words, single-quoted literals (a doubled quote is a quote) and the punctuation ( ) / : . */
  private List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if ("()/:".indexOf(c) >= 0) {
        out.add(new Token(String.valueOf(c), false, i++));
      } else if (c == '\'') {
        int start = i++;
        StringBuilder b = new StringBuilder();
        while (true) {
          if (i >= s.length()) {
            throw GraphFailure.badRequest(
                "Invalid filter clause: There is an unterminated string literal at position "
                    + start
                    + " in '"
                    + s
                    + "'.");
          }
          if (s.charAt(i) == '\'') {
            if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
              b.append('\'');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          b.append(s.charAt(i++));
        }
        out.add(new Token(b.toString(), true, start));
      } else {
        int start = i;
        while (i < s.length()
            && !Character.isWhitespace(s.charAt(i))
            && "()/:'".indexOf(s.charAt(i)) < 0) {
          i++;
        }
        out.add(new Token(s.substring(start, i), false, start));
      }
    }
    return out;
  }
}
