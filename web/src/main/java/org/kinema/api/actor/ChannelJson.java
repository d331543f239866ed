package org.kinema.api.actor;

import org.kinema.actor.Actor;
import org.kinema.channel.VideoChannel;

import java.time.OffsetDateTime;
import java.util.List;

/** PeerTube's {@code VideoChannel}. */
public record ChannelJson(long id, String url, String name, String host, List<Object> avatars, List<Object> banners,
                          Boolean hostRedundancyAllowed, int followingCount, int followersCount,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt,
                          String displayName, String description, String support, boolean isLocal,
                          AccountJson ownerAccount) {

    public static ChannelJson of(VideoChannel channel, String localHost) {
        Actor actor = channel.actor();
        return new ChannelJson(channel.id(), actor.url(), actor.preferredUsername(), AccountJson.hostOf(actor, localHost),
                List.of(), List.of(), AccountJson.redundancyAllowed(actor), actor.followingCount(), actor.followersCount(),
                channel.createdAt(), channel.updatedAt(), channel.displayName(), channel.description(), channel.support(),
                actor.isLocal(), AccountJson.of(channel.account(), localHost));
    }
}
