/**
 * What every feature stands on: the node's {@code KINEMA_*} settings, the schema migrations run
 * at deployment, the domain's failure vocabulary, paging, and the health check. Knows no feature.
 */
package org.kinema.platform;
