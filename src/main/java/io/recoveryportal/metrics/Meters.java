package io.recoveryportal.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Every metric family of the portal's own, named once. Label values come from enums or fixed words
 * only (never a user, an address or a reference), so every family has few series. The families
 * whose labels are known in advance are registered at start-up at zero, so that /metrics lists them
 * (and a dashboard shows a flat line) before their first event. Thread-safe: the registry is.
 *
 * <p>Prometheus names: dots become underscores, counters end in {@code _total}; timers are declared
 * in nanoseconds, which Payara scales to seconds and names so ({@code _seconds_count}, {@code
 * _seconds_sum}, {@code _seconds_max}, quantiles); every series carries {@code
 * mp_scope="application"}.
 */
@ApplicationScoped
public class Meters {

  /** The steps of a flow that have no label but the attempt's kind. */
  public enum FlowStep {
    STARTED,
    VERIFIED,
    MATCHED,
    ESCALATED,
    FAILED,
    RESET_FAILED;

    String metric() {
      return "portal.flow." + name().toLowerCase(Locale.ROOT).replace('_', '.');
    }
  }

  /** How an attempt was abandoned. */
  public enum Abandoned {
    CANCELLED,
    EXPIRED
  }

  /** A reviewer's final decision. */
  public enum Decision {
    APPROVED,
    DENIED
  }

  public static final String RESET = "portal.flow.reset";
  public static final String REFUSED = "portal.flow.refused";
  public static final String ABANDONED = "portal.flow.abandoned";
  public static final String DECISIONS = "portal.review.decisions";
  public static final String DECISION_TIME = "portal.review.decision.time";
  public static final String GRAPH_REQUEST = "portal.graph.request";
  public static final String GRAPH_RESPONSES = "portal.graph.responses";
  public static final String GRAPH_THROTTLED = "portal.graph.throttled";
  public static final String GRAPH_RETRY_AFTER = "portal.graph.retry.after";
  public static final String GRAPH_PACING = "portal.graph.pacing.wait";
  public static final String OIDC_REQUEST = "portal.oidc.request";
  public static final String OIDC_ERRORS = "portal.oidc.errors";
  public static final String MAIL_SENT = "portal.mail.sent";
  public static final String MAIL_FAILED = "portal.mail.failed";
  public static final String RATE_LIMITED = "portal.rate.limited";

  @Inject MetricRegistry registry;

  protected Meters() {
    // for CDI
  }

  /** For tests outside a container. */
  public Meters(MetricRegistry registry) {
    this.registry = registry;
  }

  /** One more attempt of {@code kind} (the attempt's kind, lower case) took {@code step}. */
  public void flow(String kind, FlowStep step) {
    registry
        .counter(
            counter(step.metric(), "Attempts that took this step, by kind of attempt"),
            tag("kind", kind))
        .inc();
  }

  /**
   * A reset completed: {@code what} is the credential asked for (password, mfa, both), {@code kind}
   * the attempt's.
   */
  public void reset(String kind, String what) {
    registry
        .counter(
            counter(
                RESET,
                "Resets completed (an activation: the account enabled), by kind and credential"),
            tag("kind", kind),
            tag("credential", what))
        .inc();
  }

  /** A flow ended refused for {@code reason} (a refusal reason's name: few values). */
  public void refused(String kind, String reason) {
    registry
        .counter(
            counter(
                REFUSED, "Attempts refused for an account that may not be recovered, by reason"),
            tag("kind", kind),
            tag("reason", reason))
        .inc();
  }

  public void abandoned(String kind, Abandoned how) {
    registry
        .counter(
            counter(ABANDONED, "Attempts cancelled at Incode or left to expire"),
            tag("kind", kind),
            tag("how", how.name().toLowerCase(Locale.ROOT)))
        .inc();
  }

  /**
   * A reviewer's final decision on a case of {@code kind}, {@code waited} after the case opened.
   */
  public void decision(String kind, Decision outcome, Duration waited) {
    registry
        .counter(
            counter(DECISIONS, "Final review decisions by outcome"),
            tag("kind", kind),
            tag("outcome", outcome.name().toLowerCase(Locale.ROOT)))
        .inc();
    registry
        .histogram(
            Metadata.builder()
                .withName(DECISION_TIME)
                .withUnit(MetricUnits.SECONDS)
                .withDescription("Time from a case's escalation to its final decision")
                .build(),
            tag("kind", kind))
        .update(Math.max(0, waited.toSeconds()));
  }

  /** One HTTP exchange with Graph ({@code status} 0 when no answer came), retries each counted. */
  public void graphExchange(String method, int status, long nanos) {
    registry
        .timer(
            Metadata.builder()
                .withName(GRAPH_REQUEST)
                .withUnit(MetricUnits.NANOSECONDS)
                .withDescription(
                    "Microsoft Graph HTTP exchanges (each retry on its own), by method")
                .build(),
            tag("method", method))
        .update(Duration.ofNanos(nanos));
    registry
        .counter(
            counter(GRAPH_RESPONSES, "Microsoft Graph answers by status (0: no answer)"),
            tag("method", method),
            tag("status", Integer.toString(status)))
        .inc();
  }

  /** Graph answered 429 and asked for {@code retryAfter} of quiet. */
  public void graphThrottled(Duration retryAfter) {
    registry.counter(counter(GRAPH_THROTTLED, "Microsoft Graph 429 answers")).inc();
    // Payara 6.2025.10 prints a timer's sum divided by a thousand when it is a whole number of
    // seconds
    // (OpenMetricsExporter.toSeconds), and Retry-After is whole seconds: a nanosecond more keeps
    // the sum right
    registry
        .timer(
            Metadata.builder()
                .withName(GRAPH_RETRY_AFTER)
                .withUnit(MetricUnits.NANOSECONDS)
                .withDescription("The Retry-After Graph asked for with each 429")
                .build())
        .update(retryAfter.plusNanos(1));
  }

  /** How long a Graph request waited in the portal's own pacing before it was sent. */
  public void graphPacing(long nanos) {
    registry
        .timer(
            Metadata.builder()
                .withName(GRAPH_PACING)
                .withUnit(MetricUnits.NANOSECONDS)
                .withDescription(
                    "Time Graph requests waited in the portal's pacing (quotas and Retry-After)")
                .build())
        .update(Duration.ofNanos(nanos));
  }

  /**
   * One call to an OpenID provider or Incode's API: {@code provider} incode or entra, {@code
   * endpoint} discovery, jwks, par, token, userinfo or b2b; {@code status} 0 when no answer came. A
   * 5xx or no answer counts as an error.
   */
  public void oidcExchange(String provider, String endpoint, int status, long nanos) {
    registry
        .timer(
            Metadata.builder()
                .withName(OIDC_REQUEST)
                .withUnit(MetricUnits.NANOSECONDS)
                .withDescription(
                    "Calls to Incode and to Entra's sign-in endpoints, by provider and endpoint")
                .build(),
            tag("provider", provider),
            tag("endpoint", endpoint))
        .update(Duration.ofNanos(nanos));
    if (status == 0 || status >= 500) {
      registry
          .counter(
              counter(OIDC_ERRORS, "Calls to Incode or Entra sign-in that got no answer or a 5xx"),
              tag("provider", provider),
              tag("endpoint", endpoint))
          .inc();
    }
  }

  public void mailSent() {
    registry.counter(counter(MAIL_SENT, "Messages accepted by the SMTP relay")).inc();
  }

  public void mailFailed() {
    registry
        .counter(
            counter(
                MAIL_FAILED,
                "Messages the SMTP relay did not accept (or could not be reached for)"))
        .inc();
  }

  /** A verification refused by a rate limit: {@code limit} client, account or global. */
  public void rateLimited(String limit) {
    registry
        .counter(
            counter(RATE_LIMITED, "Verifications refused by a rate limit, by limit"),
            tag("limit", limit))
        .inc();
  }

  /** The SIEM accepted {@code events} audit events. */
  public void siemSent(int events) {
    registry.counter(counter("portal.siem.sent", "Audit events the SIEM accepted")).inc(events);
  }

  /** A request to the SIEM failed (it is tried again with back-off). */
  public void siemFailed() {
    registry.counter(counter("portal.siem.failures", "Requests to the SIEM that failed")).inc();
  }

  /** A gauge read when scraped: keep {@code value} cheap (cache anything that queries). */
  public void gauge(
      String name, String unit, String description, Supplier<? extends Number> value) {
    registry.gauge(
        Metadata.builder().withName(name).withUnit(unit).withDescription(description).build(),
        value);
  }

  /** The families with known labels, at zero, so /metrics lists them from start-up. */
  void atStartUp(@Observes @Initialized(ApplicationScoped.class) Object event) {
    for (String kind : new String[] {"recovery", "activation", "helpdesk"}) {
      for (FlowStep step : FlowStep.values()) {
        registry.counter(
            counter(step.metric(), "Attempts that took this step, by kind of attempt"),
            tag("kind", kind));
      }
      for (Abandoned how : Abandoned.values()) {
        registry.counter(
            counter(ABANDONED, "Attempts cancelled at Incode or left to expire"),
            tag("kind", kind),
            tag("how", how.name().toLowerCase(Locale.ROOT)));
      }
    }
    for (String limit : new String[] {"client", "account", "global"}) {
      registry.counter(
          counter(RATE_LIMITED, "Verifications refused by a rate limit, by limit"),
          tag("limit", limit));
    }
    registry.counter(counter(GRAPH_THROTTLED, "Microsoft Graph 429 answers"));
    registry.counter(counter(MAIL_SENT, "Messages accepted by the SMTP relay"));
    registry.counter(
        counter(
            MAIL_FAILED, "Messages the SMTP relay did not accept (or could not be reached for)"));
    registry.counter(counter("portal.siem.sent", "Audit events the SIEM accepted"));
    registry.counter(counter("portal.siem.failures", "Requests to the SIEM that failed"));
  }

  private static Metadata counter(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }

  private static Tag tag(String name, String value) {
    return new Tag(name, value);
  }
}
