package io.recoveryportal.audittrail;

/**
 * A cell a spreadsheet will not run: a value starting with {@code = + - @}, a tab or a carriage
 * return is prefixed with a single quote (OWASP, "CSV Injection"), so Excel, LibreOffice and Google
 * Sheets show it as text instead of evaluating it. Every cell is quoted by the writer as well, so
 * separators and quotes inside a value stay in it.
 */
public final class CsvCells {

  private CsvCells() {}

  public static String safe(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    char first = value.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + value
        : value;
  }
}
