/**
 * This node among the others of its cluster: who the members are, and messages between nodes
 * for what lives in memory by nature (the tracker's sockets) yet must be seen cluster-wide. Over a
 * fork of WildFly's own JGroups channel; a node without one (a server configuration without
 * clustering) is a cluster of one. Knows nothing of what the messages mean.
 */
package org.kinema.cluster;
