/**
 * Flyway's Java migrations, beside the SQL ones in {@code src/main/resources/db/migration} (Flyway finds both in the
 * package {@code db.migration}): steps SQL cannot take portably, such as computing SHA-256 hashes. May use the
 * portal's base packages (audit) and JDBC, nothing else.
 */
package db.migration;
