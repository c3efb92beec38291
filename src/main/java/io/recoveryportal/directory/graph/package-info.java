/**
 * The portal's connection to Microsoft Graph: settings, an MSAL4J client-credentials token source and a Graph SDK
 * client with the SDK's retrying middleware. Plain Java, no CDI: the directory adapter builds one
 * {@link io.recoveryportal.directory.graph.GraphClients} from configuration and owns its lifetime. Graph SDK and
 * MSAL types stay inside the adapter; nothing outside it should import them.
 */
package io.recoveryportal.directory.graph;
