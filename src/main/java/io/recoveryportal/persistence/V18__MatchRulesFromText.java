package io.recoveryportal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the rule outcomes the portal kept as text on the attempt (one "rule=STATUS: explanation"
 * per line, the whole cut at 4,000 characters) into {@code match_rule} rows, then drops the text
 * column. A line the cut left without its status, or with a status the matcher never wrote, is not
 * guessed at: it is kept as a MISSING outcome whose explanation says what was recorded. Registered
 * in {@link Migrations#configuration} by instance, so that Flyway needs no class-path scanning
 * inside the WAR to find it.
 */
public class V18__MatchRulesFromText extends BaseJavaMigration {

  private static final Set<String> STATUSES = Set.of("PASS", "FAIL", "MISSING");
  private static final int RULE_MAX = 40;
  private static final int EXPLANATION_MAX = 1000;

  /** One line of the old text. */
  record Line(String rule, String status, String explanation) {}

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (Statement select = c.createStatement();
        ResultSet rs =
            select.executeQuery(
                "SELECT id, match_rules FROM attempt WHERE match_rules IS NOT NULL");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO match_rule (attempt_id, position, rule, status, explanation) VALUES (?, ?, ?, ?, ?)")) {
      while (rs.next()) {
        List<Line> lines = parse(rs.getString(2));
        for (int i = 0; i < lines.size(); i++) {
          insert.setLong(1, rs.getLong(1));
          insert.setInt(2, i);
          insert.setString(3, lines.get(i).rule());
          insert.setString(4, lines.get(i).status());
          insert.setString(5, lines.get(i).explanation());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
    try (Statement drop = c.createStatement()) {
      drop.execute("ALTER TABLE attempt DROP COLUMN match_rules");
    }
  }

  /** The old text's lines as the case page read them, each fitted to the new columns. */
  static List<Line> parse(String recorded) {
    List<Line> out = new ArrayList<>();
    recorded
        .lines()
        .filter(l -> l.contains("="))
        .forEach(
            l -> {
              int eq = l.indexOf('=');
              int colon = l.indexOf(": ", eq);
              String rule = l.substring(0, eq);
              String status = colon < 0 ? l.substring(eq + 1) : l.substring(eq + 1, colon);
              String explanation = colon < 0 ? "" : l.substring(colon + 2);
              if (!STATUSES.contains(status)) {
                explanation = "recorded as: " + l.substring(eq + 1);
                status = "MISSING";
              }
              out.add(new Line(cut(rule, RULE_MAX), status, cut(explanation, EXPLANATION_MAX)));
            });
    return out;
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
