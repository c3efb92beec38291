package io.recoveryportal.persistence;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts the database connections the portal's persistence unit holds, from EclipseLink's own
 * session events (persistence.xml: {@code eclipselink.session-event-listener}): one more when it
 * takes a connection from the pool, one less when it gives it back. EclipseLink makes the listener
 * itself, outside CDI, so the counts are static: one persistence unit per JVM, and atomic.
 * Connections taken by plain JDBC (the audit chain check, the SIEM outbox, retention) are not
 * counted. {@link PoolMetrics} serves them.
 */
public class PoolUse extends SessionEventAdapter {

  private static final AtomicInteger IN_USE = new AtomicInteger();
  private static final AtomicLong ACQUIRED = new AtomicLong();

  @Override
  public void postAcquireConnection(SessionEvent event) {
    IN_USE.incrementAndGet();
    ACQUIRED.incrementAndGet();
  }

  @Override
  public void preReleaseConnection(SessionEvent event) {
    IN_USE.decrementAndGet();
  }

  /** Connections the persistence unit holds now. */
  public static int inUse() {
    return IN_USE.get();
  }

  /** Connections it has taken from the pool since start. */
  public static long acquired() {
    return ACQUIRED.get();
  }
}
