/**
 * Serving media files at PeerTube's public paths ({@code /static}, {@code /lazy-static},
 * {@code /download}): byte ranges, content types, CORS, cache lifetimes, and the privacy of the
 * video each file belongs to. Reads the media store; decides nothing about videos itself.
 */
package org.kinema.files;
