package io.recoveryportal.activation;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Invitations on H2, the portal's default database. */
class H2InvitationTest extends InvitationContract {

    private final JdbcDataSource ds = new JdbcDataSource();

    H2InvitationTest() {
        ds.setURL("jdbc:h2:file:./target/h2-invitation-test/portal-" + System.nanoTime());
        ds.setUser("portal");
        ds.setPassword("");
    }

    @Override
    protected DataSource dataSource() {
        return ds;
    }
}
