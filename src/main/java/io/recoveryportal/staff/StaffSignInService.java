package io.recoveryportal.staff;

import io.recoveryportal.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * The application's one staff sign-in and staff-session policy, built from configuration on first
 * use (so an Entra outage or a missing secret at deployment does not stop the employee-facing
 * portal). One shared instance keeps one cache of Entra's discovery and keys.
 */
@ApplicationScoped
public class StaffSignInService {

  @Inject PortalConfig config;

  /** Replaced by tests only. */
  Clock clock = Clock.systemUTC();

  private StaffSettings settings;
  private StaffSignIn signIn;
  private StaffSessions sessions;

  private synchronized void build() {
    if (settings == null) {
      StaffSettings s = StaffSettings.from(config::value, config.outboundTls().orElse(null));
      signIn = new StaffSignIn(s);
      sessions = new StaffSessions(s.idle(), s.absolute());
      settings = s;
    }
  }

  StaffSignIn signIn() {
    build();
    return signIn;
  }

  StaffSessions sessions() {
    build();
    return sessions;
  }

  Duration idle() {
    build();
    return settings.idle();
  }

  Clock clock() {
    return clock;
  }
}
