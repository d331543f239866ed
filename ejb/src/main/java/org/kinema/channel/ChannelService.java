package org.kinema.channel;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.kinema.account.Account;
import org.kinema.account.AccountRepository;
import org.kinema.account.Caller;
import org.kinema.account.UserRepository;
import org.kinema.actor.ActorHandle;
import org.kinema.actor.ActorRepository;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;


/** Opening, describing, finding and closing channels. */
@Stateless
public class ChannelService {

    public static final int MAX_PER_USER = 20;

    @Inject
    private ChannelRepository channels;

    @Inject
    private ActorRepository actors;

    @Inject
    private AccountRepository accounts;

    @Inject
    private UserRepository users;

    @Inject
    private KinemaSettings settings;

    public VideoChannel open(Caller caller, String name, String displayName, String description, String support) {
        Account owner = accountOf(caller);
        if (actors.localNameTaken(name)) {
            throw DomainException.conflict("A user or channel named " + name + " already exists");
        }
        if (channels.countOwnedBy(owner) >= MAX_PER_USER) {
            throw DomainException.invalid("You cannot have more than " + MAX_PER_USER + " channels");
        }
        VideoChannel channel = VideoChannel.open(name, displayName, owner, settings.publicUrl());
        channel.describe(null, description, support);
        channels.add(channel);
        return channel;
    }

    public VideoChannel get(long id) {
        return channels.find(id).orElseThrow(() -> DomainException.notFound("Video channel not found"));
    }

    public VideoChannel get(String handle) {
        ActorHandle parsed = ActorHandle.parse(handle, settings.host());
        return channels.findByName(parsed.name(), parsed.host())
                .orElseThrow(() -> DomainException.notFound("Video channel not found"));
    }

    public PageResult<VideoChannel> list(Page page) {
        return channels.list(null, page);
    }

    public PageResult<VideoChannel> listOfAccount(String accountHandle, Page page) {
        ActorHandle parsed = ActorHandle.parse(accountHandle, settings.host());
        Account account = accounts.findByName(parsed.name(), parsed.host())
                .orElseThrow(() -> DomainException.notFound("Account not found"));
        return channels.list(account, page);
    }

    public void describe(Caller caller, String handle, String displayName, String description, String support) {
        VideoChannel channel = managed(caller, handle);
        channel.describe(displayName, description, support);
    }

    public void close(Caller caller, String handle) {
        VideoChannel channel = managed(caller, handle);
        if (channels.countOwnedBy(channel.account()) <= 1) {
            throw DomainException.conflict("Cannot remove the last channel of this user");
        }
        channels.remove(channel);
    }

    /** The channel, if the caller owns it or administers the instance. */
    private VideoChannel managed(Caller caller, String handle) {
        VideoChannel channel = get(handle);
        if (!channel.actor().isLocal()) {
            throw DomainException.forbidden("Remote channels are managed on their own instance");
        }
        if (!caller.isAdministrator() && !channel.isOwnedBy(accountOf(caller))) {
            throw DomainException.forbidden("You may not manage this channel");
        }
        return channel;
    }

    private Account accountOf(Caller caller) {
        return users.find(caller.userId()).map(users::accountOf)
                .orElseThrow(() -> DomainException.unauthenticated("User no longer exists", "invalid_token"));
    }
}
