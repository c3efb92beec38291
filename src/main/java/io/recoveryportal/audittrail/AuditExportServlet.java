package io.recoveryportal.audittrail;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.i18n.LanguageFilter;
import io.recoveryportal.staff.CurrentStaff;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * {@code GET /audit/export.csv?...}: the search page's query as a CSV file (UTF-8 with a byte-order
 * mark, so that spreadsheets read it as UTF-8), newest first, up to {@link #MAX_ROWS} rows, read in
 * pages. Every cell is quoted and made safe from formula injection ({@link CsvCells}). Behind the
 * staff gate like every /audit page; the export is an audit event (AUDIT_EXPORTED). A query that
 * cannot be read gets 400 with the reason, and no file.
 */
@WebServlet("/audit/export.csv")
public class AuditExportServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  static final int MAX_ROWS = 100_000;
  private static final int PAGE = 1_000;
  static final String[] HEADER = {
    "chain_seq",
    "id",
    "occurred_at",
    "event_type",
    "actor_kind",
    "actor_id",
    "attempt_id",
    "directory_user_id",
    "outcome",
    "detail"
  };

  @Inject AuditQueries queries;

  @Inject AuditTrailStore store;

  @Inject AuditNotes notes;

  @Inject CurrentStaff staff;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    AuditQueries.Resolved r =
        queries.resolve(
            new AuditQueries.Form(
                req.getParameter("account"),
                req.getParameter("attempt"),
                req.getParameter("staff"),
                req.getParameter("type"),
                req.getParameter("from"),
                req.getParameter("to")));
    if (r.problem() != null) {
      res.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      res.setContentType("text/plain;charset=UTF-8");
      res.getWriter().write(r.problem().in(LanguageFilter.of(req)));
      return;
    }
    staff
        .principal()
        .ifPresent(
            p ->
                notes.note(
                    AuditType.AUDIT_EXPORTED,
                    p.actor(),
                    r.query().directoryUserId(),
                    AuditOutcome.OK,
                    r.query().describe()));
    res.setContentType("text/csv;charset=UTF-8");
    res.setHeader(
        "Content-Disposition",
        "attachment; filename=\"audit-"
            + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now())
            + ".csv\"");
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Writer out = res.getWriter();
    out.write('\uFEFF');
    write(out, r.query());
  }

  void write(Writer out, AuditQuery query) throws IOException {
    try (CSVPrinter csv =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setQuoteMode(QuoteMode.ALL)
                .setRecordSeparator("\r\n")
                .get())) {
      csv.printRecord((Object[]) HEADER);
      Long before = null;
      int written = 0;
      while (written < MAX_ROWS) {
        List<AuditRow> page = store.search(query, before, Math.min(PAGE, MAX_ROWS - written));
        for (AuditRow row : page) {
          csv.printRecord(
              CsvCells.safe(Long.toString(row.seq())),
              CsvCells.safe(Long.toString(row.id())),
              CsvCells.safe(row.occurredAt().toString()),
              CsvCells.safe(row.type()),
              CsvCells.safe(row.actorKind()),
              CsvCells.safe(row.actorId()),
              CsvCells.safe(row.attemptId() == null ? null : row.attemptId().toString()),
              CsvCells.safe(row.directoryUserId()),
              CsvCells.safe(row.outcome()),
              CsvCells.safe(row.detail()));
        }
        written += page.size();
        if (page.size() < PAGE) {
          break;
        }
        before = page.get(page.size() - 1).seq();
      }
    }
  }
}
