package io.recoveryportal.audittrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.persistence.JpaHarness;
import io.recoveryportal.persistence.TestDatabases;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CSV export on a real database (H2), read back by a CSV parser: the header, every cell quoted,
 * cells that a spreadsheet would run as a formula (= + - @, tab, carriage return) prefixed with a
 * quote (OWASP), commas, quotes and newlines kept inside their cell, newest first, the search's
 * criteria applied, and a result larger than one page read whole and in order.
 */
class CsvExportTest {

  private static final String[] DANGEROUS = {
    "=HYPERLINK(\"https://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tTAB", "\rCR"
  };
  private static JpaHarness jpa;

  @BeforeAll
  static void write() {
    jpa = new JpaHarness(TestDatabases.h2("csv-export-test"));
    for (String d : DANGEROUS) {
      record("user-formula", d);
    }
    record("user-plain", "plain, with a comma, \"quotes\"\nand a newline");
    for (int i = 0; i < 2_100; i++) {
      record("user-many", "event " + i);
    }
  }

  private static void record(String user, String detail) {
    jpa.run(
        em ->
            new AuditLog(em)
                .record(
                    new AuditEvent(
                        Instant.now(),
                        AuditType.REVIEW_DECISION,
                        Actor.staff("reviewer-1"),
                        7L,
                        user,
                        AuditOutcome.DENIED,
                        detail)));
  }

  @AfterAll
  static void close() {
    jpa.close();
  }

  private static List<CSVRecord> export(AuditQuery q) throws Exception {
    EntityManager em = jpa.entityManager();
    try {
      AuditExportServlet servlet = new AuditExportServlet();
      servlet.store = new AuditTrailStore(em);
      StringWriter out = new StringWriter();
      servlet.write(out, q);
      String text = out.toString();
      assertTrue(
          text.startsWith("\"chain_seq\",\"id\","), "quoted header: " + text.substring(0, 40));
      return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
    } finally {
      em.close();
    }
  }

  @Test
  void formulaCellsArePrefixedAndTheRestIsKeptAsWritten() throws Exception {
    List<CSVRecord> rows = export(new AuditQuery("user-formula", null, null, null, null, null));
    assertEquals(List.of(AuditExportServlet.HEADER), rows.get(0).toList());
    assertEquals(1 + DANGEROUS.length, rows.size());
    for (int i = 0; i < DANGEROUS.length; i++) {
      // newest first: the last written is the first row
      CSVRecord row = rows.get(DANGEROUS.length - i);
      assertEquals("'" + DANGEROUS[i], row.get(9));
      assertEquals("user-formula", row.get(7));
      assertEquals("REVIEW_DECISION", row.get(3));
      assertEquals("STAFF", row.get(4));
    }
    List<CSVRecord> plain = export(new AuditQuery("user-plain", null, null, null, null, null));
    assertEquals("plain, with a comma, \"quotes\"\nand a newline", plain.get(1).get(9));
  }

  @Test
  void aResultLargerThanAPageIsExportedWholeNewestFirst() throws Exception {
    List<CSVRecord> rows =
        export(new AuditQuery("user-many", null, null, AuditType.REVIEW_DECISION, null, null));
    assertEquals(1 + 2_100, rows.size());
    assertEquals("event 2099", rows.get(1).get(9));
    assertEquals("event 0", rows.get(2_100).get(9));
    for (int i = 2; i < rows.size(); i++) {
      assertTrue(
          Long.parseLong(rows.get(i).get(0)) < Long.parseLong(rows.get(i - 1).get(0)),
          "strictly newest first");
    }
  }

  @Test
  void cellsAreSafeWhateverTheyHold() {
    assertEquals("'=1", CsvCells.safe("=1"));
    assertEquals("'-", CsvCells.safe("-"));
    assertEquals("a=1", CsvCells.safe("a=1"));
    assertEquals("", CsvCells.safe(null));
    assertEquals("", CsvCells.safe(""));
    assertEquals("1234", CsvCells.safe("1234"));
  }
}
