package io.recoveryportal.helpdesk;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The helpdesk's records on H2, the portal's default database. */
class H2HelpdeskTest extends HelpdeskContract {

    private final JdbcDataSource ds = new JdbcDataSource();

    H2HelpdeskTest() {
        ds.setURL("jdbc:h2:file:./target/h2-helpdesk-test/portal-" + System.nanoTime());
        ds.setUser("portal");
        ds.setPassword("");
    }

    @Override
    protected DataSource dataSource() {
        return ds;
    }
}
