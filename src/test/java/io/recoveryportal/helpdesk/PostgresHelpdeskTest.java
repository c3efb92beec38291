package io.recoveryportal.helpdesk;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;

/** The helpdesk's records on a real PostgreSQL 17. */
class PostgresHelpdeskTest extends HelpdeskContract {

    private final EmbeddedPostgres pg;

    PostgresHelpdeskTest() throws IOException {
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
