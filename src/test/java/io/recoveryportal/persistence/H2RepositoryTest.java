package io.recoveryportal.persistence;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The repository contract on H2 2.2 (the version Payara Micro ships), file-based as the portal's default. */
class H2RepositoryTest extends RepositoryContract {

    private final JdbcDataSource ds = new JdbcDataSource();

    H2RepositoryTest() {
        ds.setURL("jdbc:h2:file:./target/h2-repository-test/portal-" + System.nanoTime());
        ds.setUser("portal");
        ds.setPassword("");
    }

    @Override
    protected DataSource dataSource() {
        return ds;
    }
}
