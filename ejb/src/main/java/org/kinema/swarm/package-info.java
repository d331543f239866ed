/**
 * Which swarms this instance's WebTorrent tracker serves: the info hashes of published videos'
 * HLS streams (as p2p-media-loader derives them) and torrents, kept in PostgreSQL when a video is
 * published and read through a short in-JVM cache. Knows nothing of WebSocket, of the tracker
 * protocol, nor of peers: who is in a swarm is the web module's, and is never stored here.
 */
package org.kinema.swarm;
