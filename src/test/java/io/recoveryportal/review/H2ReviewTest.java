package io.recoveryportal.review;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The review rules on H2, the portal's default database. */
class H2ReviewTest extends ReviewContract {

    private final JdbcDataSource ds = new JdbcDataSource();

    H2ReviewTest() {
        ds.setURL("jdbc:h2:file:./target/h2-review-test/portal-" + System.nanoTime());
        ds.setUser("portal");
        ds.setPassword("");
    }

    @Override
    protected DataSource dataSource() {
        return ds;
    }
}
