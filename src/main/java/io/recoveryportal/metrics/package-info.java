/**
 * The portal's own metrics, served by MicroProfile Metrics in Prometheus form on the management
 * listener: one place that names every family and label ({@link io.recoveryportal.metrics.Meters}),
 * so that the dashboard, the alert rules and the README can rely on them. Uses nothing of the
 * portal; the capabilities and adapters report to it.
 */
package io.recoveryportal.metrics;
