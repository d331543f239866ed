/**
 * What every feature stands on: the node's {@code KINEMA_*} settings, the schema migrations run
 * at deployment, the domain's failure vocabulary, paging and the sorts a list offers, list totals
 * counted at most every few seconds, queries that fetch entities with their relations, and the
 * health check. Knows no feature.
 */
package org.kinema.platform;
