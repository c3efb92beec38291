/**
 * The data source definition, the Flyway migrations run at start-up (SQL in {@code db/migration},
 * portable between H2 and PostgreSQL) and the JPA converters. Uses no other package of the portal.
 */
package io.recoveryportal.persistence;
