package org.kinema.federation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.kinema.account.Account;
import org.kinema.account.AccountRepository;
import org.kinema.account.UserRepository;
import org.kinema.actor.Actor;
import org.kinema.actor.ActorRepository;
import org.kinema.actor.ActorType;
import org.kinema.channel.ChannelRepository;
import org.kinema.channel.VideoChannel;
import org.kinema.follow.FollowRepository;
import org.kinema.platform.DomainException;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.rating.RatingRepository;
import org.kinema.rating.RatingType;
import org.kinema.video.Privacy;
import org.kinema.video.Video;
import org.kinema.video.VideoFile;
import org.kinema.video.VideoFilter;
import org.kinema.video.VideoRepository;
import org.kinema.video.VideoState;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other servers may read of this instance and what they deliver to it: local actors with
 * their keys, public and unlisted videos, outboxes and follower lists, the cache of remote actors,
 * and the activities inboxes accepted.
 */
@Stateless
public class FederationService {

    /** Items per page of an ActivityPub collection, as PeerTube pages them in production. */
    public static final int COLLECTION_PAGE = 10;

    @Inject
    private ActorRepository actors;

    @Inject
    private AccountRepository accounts;

    @Inject
    private ChannelRepository channels;

    @Inject
    private UserRepository users;

    @Inject
    private VideoRepository videos;

    @Inject
    private FollowRepository follows;

    @Inject
    private RatingRepository ratings;

    @Inject
    private InboxActivityRepository inbox;

    /** A local actor of any kind by its name, with its key pair (drawn now if it has none yet). */
    public Actor localActor(String name) {
        Actor actor = actors.findLocal(name).orElseThrow(() -> DomainException.notFound("Actor not found"));
        return withKeys(actor);
    }

    /** A local actor of any kind by its name, as discovery shows it (no key needed). */
    public Optional<Actor> findLocal(String name) {
        return actors.findLocal(name);
    }

    public Account account(Actor actor) {
        return accounts.findByName(actor.preferredUsername(), null).orElseThrow(() -> DomainException.notFound("Account not found"));
    }

    public VideoChannel channel(Actor actor) {
        return channels.findByName(actor.preferredUsername(), null)
                .orElseThrow(() -> DomainException.notFound("Video channel not found"));
    }

    /** A local video other servers may see (public or unlisted, published), with its files. */
    public FederatedVideo video(UUID uuid) {
        return federatedVideo(uuid).orElseThrow(() -> DomainException.notFound("Video not found"));
    }

    /**
     * As {@link #video}, empty when other servers may not see it: for a caller in a transaction that
     * must go on (a refusal thrown from here would doom it).
     */
    public Optional<FederatedVideo> federatedVideo(UUID uuid) {
        return videos.findByUuid(uuid)
                .filter(found -> found.channel().actor().isLocal() && found.privacy().isOpenToAnyone()
                        && found.state() == VideoState.PUBLISHED)
                .map(video -> new FederatedVideo(video, videos.files(video)));
    }

    /**
     * A page of what an actor published: the public videos of an account or a channel, or every
     * public video of the instance for the instance's own actor; newest first.
     */
    public PageResult<FederatedVideo> outbox(Actor actor, int page) {
        Long account = actor.type() == ActorType.Person ? account(actor).id() : null;
        Long channel = actor.type() == ActorType.Group ? channel(actor).id() : null;
        PageResult<Video> listed = videos.list(new VideoFilter(EnumSet.of(Privacy.PUBLIC), true, channel, account, null,
                null, null, null, true), page(page, "-publishedAt"));
        List<FederatedVideo> items = listed.items().stream().map(video -> new FederatedVideo(video, videos.files(video))).toList();
        return new PageResult<>(listed.total(), items);
    }

    /** A page of the URLs of a federated video's likes or dislikes. */
    public PageResult<String> ratings(UUID uuid, RatingType type, int page) {
        return ratings.urlsOf(video(uuid).video(), type, page(page, null));
    }

    public PageResult<String> followers(Actor actor, int page) {
        return follows.followerUrls(actor, page(page, null));
    }

    public PageResult<String> following(Actor actor, int page) {
        return follows.followingUrls(actor, page(page, null));
    }

    /** How many users this instance has, and how many videos it published. */
    public Usage usage() {
        PageResult<Video> published = videos.list(new VideoFilter(EnumSet.of(Privacy.PUBLIC), true, null, null, null,
                null, null, null, true), new Page(0, 1, null));
        return new Usage(users.count(), published.total());
    }

    /** A remote actor as last cached, if it is. */
    public Optional<Actor> cachedActor(String url) {
        return actors.findByUrl(url);
    }

    /** Keeps what a remote actor's document said, replacing what was cached of it. */
    public Actor cache(RemoteActorFacts facts) {
        Optional<Actor> cached = actors.findByUrl(facts.url());
        if (cached.isPresent()) {
            if (cached.get().isLocal()) {
                throw DomainException.forbidden("A remote document cannot stand for a local actor");
            }
            cached.get().refresh(facts.endpoints(), facts.publicKeyPem());
            return cached.get();
        }
        Actor actor = Actor.remote(facts.type(), facts.preferredUsername(), facts.host(), facts.url(), facts.endpoints(),
                facts.publicKeyPem());
        actors.add(actor);
        return actor;
    }

    /** Keeps an activity whose signature was verified, for processing. */
    public void accept(ReceivedActivity activity) {
        inbox.add(activity);
    }

    /** The actor with its key pair, drawn now if it has none yet. */
    public Actor withKeys(Actor actor) {
        if (actor.publicKey() != null) {
            return actor;
        }
        String[] pair = RsaKeys.generate();
        return actors.withKeys(actor, pair[0], pair[1]);
    }

    private static Page page(int page, String sort) {
        return new Page((Math.max(1, page) - 1) * COLLECTION_PAGE, COLLECTION_PAGE, sort);
    }

    /** A video with its files, as its ActivityPub object shows them. */
    public record FederatedVideo(Video video, List<VideoFile> files) {
    }

    /** NodeInfo's usage figures. */
    public record Usage(long users, long localPosts) {
    }
}
