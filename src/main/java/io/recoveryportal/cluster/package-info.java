/**
 * What the nodes of a cluster share beyond the database: token buckets kept in Payara Micro's Data
 * Grid (Hazelcast, through JCache), so that N nodes enforce one rate limit and one Graph budget
 * rather than N; and the scheduled jobs, each run by one node per interval through a lease row in
 * the database. Membership itself is Payara Micro's (README, "Running a cluster"); nothing here
 * knows how the members found each other.
 */
package io.recoveryportal.cluster;
