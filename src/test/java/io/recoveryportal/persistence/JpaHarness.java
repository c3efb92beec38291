package io.recoveryportal.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The production persistence unit outside a container, on a real database, after the production
 * migrations: resource-local transactions instead of JTA. Shared by the repository and review
 * tests.
 */
public final class JpaHarness implements AutoCloseable {

  private final EntityManagerFactory emf;

  public JpaHarness(DataSource dataSource) {
    if (!Migrations.migrate(dataSource).success) {
      throw new IllegalStateException("migrations failed");
    }
    emf =
        Persistence.createEntityManagerFactory(
            "portal",
            Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", dataSource,
                "eclipselink.target-server", "None"));
  }

  public EntityManager entityManager() {
    return emf.createEntityManager();
  }

  /** Runs {@code work} in one transaction and commits; rolls back if it throws. */
  public <T> T inTx(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      T out = work.apply(em);
      em.getTransaction().commit();
      return out;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  public void run(Consumer<EntityManager> work) {
    inTx(
        em -> {
          work.accept(em);
          return null;
        });
  }

  @Override
  public void close() {
    emf.close();
  }
}
