/**
 * Watch history and resume: where each user stopped in each video they watched, kept while the
 * user wants a history. Learns what is watched from the video feature's events; asks it who may
 * see a video. Knows nothing of HTTP, and stores nothing of viewers who are not logged in.
 */
package org.kinema.history;
