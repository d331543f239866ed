package org.kinema.video;

import java.util.List;
import java.util.UUID;

/**
 * What happens to videos, announced as CDI events for other features to react to: in the same
 * transaction (plain observers, for what must be kept with the change) or after it commits.
 */
public final class VideoEvents {

    private VideoEvents() {
    }

    /** A video was uploaded and waits for transcoding. */
    public record Uploaded(long videoId) {
    }

    /**
     * A video was published, or its streams completed: {@code first} when it became watchable
     * (its subscribers hear of it then), {@code complete} when every rendition is finished, with its
     * torrents and downloadable file (other instances hear of it then). A video published while
     * its ladder is still being encoded is published twice: first, then complete.
     */
    public record Published(long videoId, UUID uuid, boolean first, boolean complete) {
    }

    /**
     * A video's transcoding failed: it stays unpublished, its original kept; {@code withdrawn} if
     * it had been published while encoding and is no longer watchable.
     */
    public record TranscodingFailed(long videoId, UUID uuid, boolean withdrawn) {
    }

    /** A video's privacy changed. */
    public record PrivacyChanged(long videoId, Privacy before, Privacy after) {
    }

    /** A logged-in user is at this second of a video they watch (observed in the same transaction). */
    public record Watching(long videoId, long userId, int seconds) {
    }

    /**
     * Views of other instances' videos were counted here since the last such event: their origins
     * must hear of them (observed in the transaction that took them from the database).
     */
    public record RemoteVideosViewed(List<ViewsOfVideo> views) {
    }

    /** A video was deleted (its files are removed by the janitor once the deletion is committed). */
    public record Deleted(long videoId, UUID uuid, Privacy privacy, long channelActorId, long accountActorId) {
    }
}
