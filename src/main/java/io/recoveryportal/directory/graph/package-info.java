/**
 * The directory adapters on Microsoft Graph: {@link
 * io.recoveryportal.directory.graph.GraphDirectory} (lookup, membership) and {@link
 * io.recoveryportal.directory.graph.GraphAccountReset} (the writes of a recovery), and the
 * connection under them: settings, an MSAL4J client-credentials token source and a Graph SDK client
 * whose middleware retries 429/503/504 honouring Retry-After and then spaces requests ({@link
 * io.recoveryportal.directory.graph.GraphBudget}). {@link
 * io.recoveryportal.directory.graph.GraphConnection} builds one {@link
 * io.recoveryportal.directory.graph.GraphClients} per application from configuration. Graph
 * failures leave as the ports' exceptions ({@link
 * io.recoveryportal.directory.graph.GraphFailures}). Graph SDK and MSAL types stay inside this
 * package; nothing outside it should import them.
 */
package io.recoveryportal.directory.graph;
