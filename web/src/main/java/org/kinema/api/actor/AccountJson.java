package org.kinema.api.actor;

import org.kinema.account.Account;
import org.kinema.actor.Actor;

import java.time.OffsetDateTime;
import java.util.List;

/** PeerTube's {@code Account}. */
public record AccountJson(long id, String url, String name, String host, List<Object> avatars,
                          Boolean hostRedundancyAllowed, int followingCount, int followersCount,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt,
                          Long userId, String displayName, String description) {

    public static AccountJson of(Account account, String localHost) {
        Actor actor = account.actor();
        return new AccountJson(account.id(), actor.url(), actor.preferredUsername(), hostOf(actor, localHost), List.of(),
                redundancyAllowed(actor), actor.followingCount(), actor.followersCount(), account.createdAt(), account.updatedAt(),
                account.userId(), account.displayName(), account.description());
    }

    /** PeerTube says false for its own actors (no other instance may mirror their videos); unknown for remote ones. */
    public static Boolean redundancyAllowed(Actor actor) {
        return actor.isLocal() ? Boolean.FALSE : null;
    }

    public static String hostOf(Actor actor, String localHost) {
        return actor.isLocal() ? localHost : actor.host();
    }
}
