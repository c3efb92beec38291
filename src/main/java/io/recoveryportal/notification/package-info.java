/**
 * Email (the SMTP {@link io.recoveryportal.notification.Mailer}), the reset notice with its
 * single-use "this wasn't me" link, and the report page's locking of the account. May use recovery
 * (attempt kinds, returning devices), reset (its events and the directory port), lookup, audit,
 * security and config; nothing here decides a verdict.
 */
package io.recoveryportal.notification;
