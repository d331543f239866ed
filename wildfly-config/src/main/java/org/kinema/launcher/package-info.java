/**
 * Starts Kinema on one machine: a node (an embedded PostgreSQL when no database is configured,
 * then the provisioned WildFly with the EAR deployed, in its own instance folder), or a cluster of
 * nodes behind WildFly's load balancer sharing one database and one media folder. Used by the
 * README's run commands, the integration tests and the benchmarks; it knows nothing of Kinema's
 * domain, only of processes, folders, ports and {@code KINEMA_*} settings.
 */
package org.kinema.launcher;
