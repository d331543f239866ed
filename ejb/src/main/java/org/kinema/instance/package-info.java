/**
 * The instance's own settings that administrators change at run time (name, description,
 * registrations, default quotas, P2P), its secret keys (one per purpose, drawn once from a
 * CSPRNG) and its public URL (stored by the first node, required of every other): rows in
 * PostgreSQL, so every node sees the same.
 */
package org.kinema.instance;
