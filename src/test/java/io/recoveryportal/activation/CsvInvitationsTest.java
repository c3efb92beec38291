package io.recoveryportal.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvInvitationsTest {

  private static List<CsvInvitations.Row> read(String csv) throws IOException {
    return CsvInvitations.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aSpreadsheetExportWithBomHeaderQuotesAndBlankLines() throws IOException {
    List<CsvInvitations.Row> rows =
        read(
            "\uFEFFupn,personal_email\r\n\"noah.kim@contoso.com\" , noah@example.net\r\n\r\n"
                + "lena.schmidt@contoso.com,\"lena@example.net\"\r\nonly-one-column\r\n");
    assertEquals(3, rows.size());
    assertEquals(
        new CsvInvitations.Row(2, "noah.kim@contoso.com", "noah@example.net", null), rows.get(0));
    assertEquals("lena@example.net", rows.get(1).personalEmail());
    assertEquals(
        3,
        rows.get(1).line(),
        "rows are counted as records: the header is row 1, a blank line is no row");
    assertTrue(rows.get(2).problem().in(java.util.Locale.ENGLISH).contains("two columns"));
  }

  @Test
  void noHeaderMeansTheFirstRowIsData() throws IOException {
    List<CsvInvitations.Row> rows =
        read("a@contoso.com,a@example.net\nb@contoso.com,b@example.net");
    assertEquals(2, rows.size());
    assertNull(rows.get(1).problem());
  }

  @Test
  void tooManyRowsStopWithAReportedRow() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < CsvInvitations.MAX_ROWS + 20; i++) {
      b.append("u").append(i).append("@contoso.com,p").append(i).append("@example.net\n");
    }
    List<CsvInvitations.Row> rows = read(b.toString());
    assertEquals(CsvInvitations.MAX_ROWS + 1, rows.size());
    assertTrue(
        rows.get(CsvInvitations.MAX_ROWS)
            .problem()
            .in(java.util.Locale.ENGLISH)
            .contains("were not read"));
  }

  @Test
  void brokenQuotingIsAnErrorNotAGuess() {
    assertThrows(
        RuntimeException.class,
        () -> read("\"a@contoso.com,a@example.net\nb@contoso.com,b@example.net"));
  }
}
