/**
 * MicroProfile Config access ({@link io.recoveryportal.config.PortalConfig}) and the start-up check
 * that stops the portal when a required key is missing or wrong. A base package: it may use only
 * matching (to check its placeholder birthdates) and security.
 */
package io.recoveryportal.config;
