package org.kinema.api.actor;

import org.kinema.account.Account;
import org.kinema.actor.Actor;
import org.kinema.channel.VideoChannel;

import java.util.List;

/** PeerTube's {@code AccountSummary} and {@code VideoChannelSummary}, which have the same fields. */
public record ActorSummaryJson(long id, String name, String displayName, String url, String host, List<Object> avatars) {

    public static ActorSummaryJson of(Account account, String localHost) {
        return of(account.id(), account.actor(), account.displayName(), localHost);
    }

    public static ActorSummaryJson of(VideoChannel channel, String localHost) {
        return of(channel.id(), channel.actor(), channel.displayName(), localHost);
    }

    private static ActorSummaryJson of(long id, Actor actor, String displayName, String localHost) {
        return new ActorSummaryJson(id, actor.preferredUsername(), displayName, actor.url(), AccountJson.hostOf(actor, localHost),
                List.of());
    }
}
