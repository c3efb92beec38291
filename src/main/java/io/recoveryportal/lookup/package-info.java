/**
 * The work email address and the directory port: {@link io.recoveryportal.lookup.DirectoryAccounts}
 * (owned here, implemented by directory.graph), the account, its profile and membership, and the
 * directory's failures. Pure types and one interface; it uses no other package of the portal.
 */
package io.recoveryportal.lookup;
