/**
 * The ActivityPub boundary, in PeerTube's vocabulary: discovery ({@code /.well-known/webfinger},
 * NodeInfo, host-meta), the JSON-LD documents of actors, videos and collections served to other
 * servers beside the web client's pages (by content negotiation), and the inboxes, which verify
 * every HTTP signature before the domain keeps an activity. Documents are records built and read
 * here only; the domain never sees JSON-LD. Remote documents are fetched through one guarded client.
 * A worker on every node processes what the inboxes accepted ({@code InboxWorker}, {@code
 * ActivityHandler}), reading remote videos and actors into the domain ({@code RemoteObjects}).
 */
package org.kinema.activitypub;
