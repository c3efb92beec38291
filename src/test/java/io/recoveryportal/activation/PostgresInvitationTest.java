package io.recoveryportal.activation;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;

/** Invitations on a real PostgreSQL 17. */
class PostgresInvitationTest extends InvitationContract {

    private final EmbeddedPostgres pg;

    PostgresInvitationTest() throws IOException {
        pg = EmbeddedPostgres.start();
    }

    @Override
    protected DataSource dataSource() {
        return pg.getPostgresDatabase();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        pg.close();
    }
}
