/**
 * The ActivityPub boundary, in PeerTube's vocabulary: discovery ({@code /.well-known/webfinger},
 * NodeInfo, host-meta), the JSON-LD documents of actors, videos and collections served to other
 * servers beside the web client's pages (by content negotiation), and the inboxes, which verify
 * every HTTP signature before the domain keeps an activity. Documents are records built and read
 * here only; the domain never sees JSON-LD. Remote documents are fetched through one guarded client.
 */
package org.kinema.activitypub;
