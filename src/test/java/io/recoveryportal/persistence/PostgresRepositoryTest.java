package io.recoveryportal.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;

/** The repository contract on a real PostgreSQL 17 (zonky's binaries from Maven Central, no install). */
class PostgresRepositoryTest extends RepositoryContract {

    private final EmbeddedPostgres pg;

    PostgresRepositoryTest() throws IOException {
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
