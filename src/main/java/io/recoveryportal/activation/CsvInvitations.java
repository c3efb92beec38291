package io.recoveryportal.activation;

import io.recoveryportal.i18n.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads a bulk invitation file: one row per new hire, work address (UPN) then personal address,
 * optionally under a header row. Commons CSV handles the quoting and line endings spreadsheets
 * produce; a byte-order mark (Excel's "CSV UTF-8") is skipped. Rows are only read here; each is
 * checked against the directory later.
 */
public final class CsvInvitations {

  /**
   * The most rows one upload may hold: a larger roll-out is split, so one upload stays a few
   * minutes of Graph calls.
   */
  public static final int MAX_ROWS = 500;

  /**
   * A row as read, with its line number in the file for the report; {@code problem} when it cannot
   * be used at all.
   */
  public record Row(int line, String upn, String personalEmail, Text problem) {}

  private CsvInvitations() {}

  public static List<Row> read(InputStream in) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (Reader reader =
        new InputStreamReader(
            BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8)) {
      for (CSVRecord r :
          CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(reader)) {
        int line = (int) r.getRecordNumber();
        if (line == 1 && !r.get(0).contains("@")) {
          continue; // a header such as "upn,personal_email"
        }
        if (rows.size() == MAX_ROWS) {
          rows.add(new Row(line, "", "", Text.of("invite.csv.too-many", "max", MAX_ROWS)));
          break;
        }
        rows.add(
            r.size() < 2
                ? new Row(line, r.get(0), "", Text.of("invite.csv.two-columns"))
                : new Row(line, r.get(0), r.get(1), null));
      }
    }
    return rows;
  }
}
