/**
 * Incode's session webhooks (security.md §6): {@code POST /incode/webhook}, authenticated by a
 * bearer token from the portal's own client-credentials endpoint {@code /incode/webhook/token} or
 * by a static secret header, optionally from allowed addresses only. Every authenticated
 * notification is stored as received, once per natural key (Incode retries and duplicates); it is a
 * hint only: the helpdesk then fetches the result from Incode server to server and judges it
 * itself. Outside the staff gate; nothing here is reachable from a browser session.
 */
package io.recoveryportal.helpdesk.webhook;
