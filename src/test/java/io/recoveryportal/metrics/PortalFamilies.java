package io.recoveryportal.metrics;

import java.util.List;

/**
 * The portal's own metric families as Prometheus names them on /metrics (counters with {@code
 * _total}; timers and histograms by their base name, whose series add {@code _count}, {@code _sum},
 * {@code _max} and quantiles). MetricsIT checks every one is served by the real portal;
 * MonitoringFilesTest checks the dashboard and alert rules use no other.
 */
public final class PortalFamilies {

  public static final List<String> ALL =
      List.of(
          "portal_flow_started_total",
          "portal_flow_verified_total",
          "portal_flow_matched_total",
          "portal_flow_escalated_total",
          "portal_flow_failed_total",
          "portal_flow_reset_failed_total",
          "portal_flow_reset_total",
          "portal_flow_refused_total",
          "portal_flow_abandoned_total",
          "portal_review_open",
          "portal_review_overdue",
          "portal_review_oldest_age_seconds",
          "portal_review_decisions_total",
          "portal_review_decision_time_seconds",
          "portal_graph_request_seconds",
          "portal_graph_responses_total",
          "portal_graph_throttled_total",
          "portal_graph_retry_after_seconds",
          "portal_graph_pacing_wait_seconds",
          "portal_oidc_request_seconds",
          "portal_oidc_errors_total",
          "portal_mail_sent_total",
          "portal_mail_failed_total",
          "portal_rate_limited_total",
          "portal_siem_sent_total",
          "portal_siem_failures_total",
          "portal_siem_backlog",
          "portal_db_pool_in_use",
          "portal_db_pool_size",
          "portal_db_pool_acquired");

  /**
   * Served only when audit shipping is configured ({@code siem.url}): the backlog has no meaning
   * without a SIEM.
   */
  public static final List<String> ONLY_WITH_SIEM = List.of("portal_siem_backlog");

  private PortalFamilies() {}

  /** The family a series name belongs to: the name without a timer's or histogram's suffix. */
  public static String familyOf(String series) {
    return series.replaceFirst("_(count|sum|max|bucket)$", "");
  }
}
