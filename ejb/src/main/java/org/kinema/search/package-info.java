/**
 * Search: videos by the words of their names, tags and descriptions (full text kept by
 * PostgreSQL, words without accents, misspelt words and prefixes widened through the vocabulary's
 * trigrams), with PeerTube's filters and sorts; channels by trigrams of their names; local objects
 * by handle or URL. Reads videos and channels, changes nothing; knows no HTTP.
 */
package org.kinema.search;
