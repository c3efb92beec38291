package io.recoveryportal.audit;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * The verification command: {@code VerifyAuditChain <jdbc-url> [user]}, the password in the
 * environment variable {@code DB_PASSWORD} (never on the command line). Prints one line and exits 0
 * when the chain is intact, 1 when it is broken (naming the first broken link), 2 when the database
 * cannot be read. See the README, "The audit trail".
 */
public final class VerifyAuditChain {

  private VerifyAuditChain() {}

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: VerifyAuditChain <jdbc-url> [user]   (password from DB_PASSWORD)");
      System.exit(2);
    }
    String password = System.getenv().getOrDefault("DB_PASSWORD", "");
    try (Connection c =
        DriverManager.getConnection(args[0], args.length > 1 ? args[1] : null, password)) {
      c.setReadOnly(true);
      ChainVerifier.Result r = ChainVerifier.verify(c);
      System.out.println("Audit chain " + r.describe());
      System.exit(r.intact() ? 0 : 1);
    } catch (Exception e) {
      System.err.println("Cannot verify the audit chain: " + e);
      System.exit(2);
    }
  }
}
