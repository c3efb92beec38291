/**
 * The employee's pages (start, the recover page, "this wasn't me"), Incode's callback servlet, and
 * what every page shares: security headers, request rules, error handling, view-state handling and
 * the portal's metrics. The top of the dependency graph for the employee's flow: it may use
 * recovery, reset, activation's notices, notification, cookies, lookup, oidc's callback URIs, staff
 * and config, and nothing uses it.
 */
package io.recoveryportal.web;
