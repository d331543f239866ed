/** Videos as PeerTube's API shows and takes them: lists, details, uploads (whole and resumable). */
package org.kinema.api.video;
