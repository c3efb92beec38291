/**
 * Random tokens and their SHA-256 hashes, IP allow lists, and outbound TLS trust. A base package:
 * it uses no other package of the portal.
 */
package io.recoveryportal.security;
