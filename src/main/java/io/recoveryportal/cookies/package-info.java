/**
 * The portal's own cookies: the attempt cookie (the only place a raw attempt id lives), the device
 * cookie of face re-authentication and the form key that guards the stateless pages' forms, all
 * {@code __Host-} prefixed, Secure, HttpOnly and SameSite=Lax. A base package used by the pages
 * that start or hand over an attempt (web, activation, helpdesk); it uses only the Servlet API.
 */
package io.recoveryportal.cookies;
