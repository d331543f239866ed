/**
 * The media store (where every file of every video lives, shared by all nodes, and what each file
 * is called) and the external tools that read and write media: ffprobe and ffmpeg, run as
 * processes of a {@link org.kinema.media.ProcessGroup}, opening users' files only as local files
 * through an allow-list of demuxers. Knows files and formats, not videos' rules.
 */
package org.kinema.media;
