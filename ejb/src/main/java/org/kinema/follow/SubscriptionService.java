package org.kinema.follow;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.kinema.account.Account;
import org.kinema.account.AccountRepository;
import org.kinema.account.Caller;
import org.kinema.actor.ActorHandle;
import org.kinema.channel.ChannelRepository;
import org.kinema.channel.VideoChannel;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.video.Video;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user's subscriptions, as PeerTube has them: their account follows channels, named by handle
 * ({@code channel@host}, or {@code channel} for this instance). Only channels of this instance may
 * be followed here and on other instances (a channel of another instance is cached first, by
 * whoever resolves its handle; its follow waits for the other instance's answer).
 */
@Stateless
public class SubscriptionService {

    /** A channel's handle: PeerTube's actor name, then a host name or address with an optional port. */
    private static final Pattern HANDLE = Pattern.compile("[a-zA-Z0-9\\-_.:]{1,50}(@[a-zA-Z0-9.\\-]{1,255}(:\\d{1,5})?)?");

    @Inject
    private FollowRepository follows;

    @Inject
    private ChannelRepository channels;

    @Inject
    private AccountRepository accounts;

    @Inject
    private KinemaSettings settings;

    @Inject
    private Event<FollowEvents.Followed> followed;

    @Inject
    private Event<FollowEvents.Unfollowing> unfollowing;

    /** Subscribes to a channel; subscribing again changes nothing. */
    public void subscribe(Caller caller, String uri) {
        ActorHandle handle = parse(uri);
        VideoChannel channel = channel(handle);
        Account account = account(caller);
        if (follows.find(account.actor(), channel.actor()).isPresent()) {
            return;
        }
        Follow follow = channel.actor().isLocal() ? Follow.betweenLocals(follows.nextId(), account.actor(), channel.actor())
                : Follow.ofRemote(follows.nextId(), account.actor(), channel.actor());
        follows.add(follow);
        followed.fire(new FollowEvents.Followed(follow.id()));
    }

    public void unsubscribe(Caller caller, String uri) {
        Follow follow = subscription(caller, uri);
        unfollowing.fire(new FollowEvents.Unfollowing(follow.id()));
        follows.remove(follow);
    }

    /** The channel of one of the caller's subscriptions. */
    public VideoChannel subscribed(Caller caller, String uri) {
        subscription(caller, uri);
        return channel(parse(uri));
    }

    public PageResult<VideoChannel> subscriptions(Caller caller, Page page) {
        return follows.channelsFollowedBy(account(caller).actor(), page);
    }

    /** For each handle asked about, whether the caller subscribes to its channel. */
    public Map<String, Boolean> exist(Caller caller, List<String> uris) {
        Map<String, ActorHandle> handles = new LinkedHashMap<>();
        uris.forEach(uri -> handles.put(uri, parse(uri)));
        Set<String> followed = follows.localChannelsFollowedAmong(account(caller).actor(), handles.values().stream()
                .filter(handle -> handle.host() == null).map(handle -> handle.name().toLowerCase(Locale.ROOT)).toList());
        Map<String, Boolean> answers = new LinkedHashMap<>();
        handles.forEach((uri, handle) -> answers.put(uri,
                handle.host() == null && followed.contains(handle.name().toLowerCase(Locale.ROOT))));
        return answers;
    }

    /** The public videos of the caller's subscriptions. */
    public PageResult<Video> videos(Caller caller, Page page) {
        return follows.videosFollowedBy(account(caller).actor(), page);
    }

    private Follow subscription(Caller caller, String uri) {
        ActorHandle handle = parse(uri);
        return channels.findByName(handle.name(), handle.host())
                .flatMap(channel -> follows.find(account(caller).actor(), channel.actor()))
                .orElseThrow(() -> DomainException.notFound("Subscription " + uri + " not found"));
    }

    private VideoChannel channel(ActorHandle handle) {
        return channels.findByName(handle.name(), handle.host())
                .orElseThrow(() -> DomainException.notFound("Video channel not found"));
    }

    private ActorHandle parse(String uri) {
        if (uri == null || !HANDLE.matcher(uri.trim()).matches()) {
            throw DomainException.invalid("A subscription is named by a channel's handle: name@host, or name on this instance");
        }
        return ActorHandle.parse(uri.trim(), settings.host());
    }

    private Account account(Caller caller) {
        return accounts.ofUser(caller.userId())
                .orElseThrow(() -> DomainException.unauthenticated("User no longer exists", "invalid_token"));
    }
}
