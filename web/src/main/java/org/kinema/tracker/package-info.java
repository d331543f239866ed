/**
 * The WebTorrent tracker at {@code /tracker/socket}: browsers (p2p-media-loader) and WebTorrent
 * clients announce the swarms they watch and the tracker relays their WebRTC offers and answers.
 * It tracks only swarms this instance serves, answers with at most 20 peers, limits announces per
 * connection and connections per address, warns when one address watches many videos, and keeps
 * peers and addresses in memory only: nothing of a peer is ever written to disk or to PostgreSQL.
 * Swarm membership is behind {@link org.kinema.tracker.SwarmRegistry}; the sockets are this
 * node's, and the cluster's other nodes learn of its peers, its address counts and its swarm
 * changes over {@link org.kinema.cluster.ClusterBus} (in memory there too). Knows the protocol and
 * its limits, not videos (it asks which swarms are served).
 */
package org.kinema.tracker;
