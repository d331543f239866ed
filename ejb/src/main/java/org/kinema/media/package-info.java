/**
 * The media store (where every file of every video lives, shared by all nodes) and the external
 * tools that read and write media: ffprobe and ffmpeg, run as processes. Knows files and
 * formats, not videos' rules.
 */
package org.kinema.media;
