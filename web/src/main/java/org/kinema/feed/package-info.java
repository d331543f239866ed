/**
 * PeerTube's syndication feeds at {@code /feeds/…}: RSS 2.0 (with Media RSS), Atom 1.0 and JSON
 * Feed of videos (the instance's, an account's or a channel's), built with the ROME feed library
 * from what the domain lists for anyone, never from string templates.
 */
package org.kinema.feed;
