/**
 * The instance's own settings that administrators change at run time (name, description,
 * registrations, default quotas, P2P): one row in PostgreSQL, so every node sees the same.
 */
package org.kinema.instance;
