/**
 * Starts a Kinema node on one machine: an embedded PostgreSQL when no database is configured,
 * then the provisioned WildFly with the EAR deployed, each node in its own instance folder.
 * Used by the README's run command and by the integration tests; it knows nothing of Kinema's
 * domain, only of processes, folders, ports and {@code KINEMA_*} settings.
 */
package org.kinema.launcher;
