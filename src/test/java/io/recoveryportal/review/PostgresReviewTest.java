package io.recoveryportal.review;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;

/** The review rules on a real PostgreSQL 17. */
class PostgresReviewTest extends ReviewContract {

    private final EmbeddedPostgres pg;

    PostgresReviewTest() throws IOException {
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
