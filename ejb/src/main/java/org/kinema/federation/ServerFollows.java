package org.kinema.federation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.kinema.account.Caller;
import org.kinema.actor.Actor;
import org.kinema.actor.ActorRepository;
import org.kinema.actor.ActorType;
import org.kinema.follow.Follow;
import org.kinema.follow.FollowEvents;
import org.kinema.follow.FollowRepository;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;

/**
 * The instance's follows of other instances, through its own actor as PeerTube does: an
 * administrator follows a host's instance actor (cached first by whoever resolved it) and stops
 * following it; the lists of what the instance follows and who follows it.
 */
@Stateless
public class ServerFollows {

    @Inject
    private ActorRepository actors;

    @Inject
    private FollowRepository follows;

    @Inject
    private OutgoingActivities outgoing;

    @Inject
    private KinemaSettings settings;

    /** The instance follows a remote instance's actor; following it again changes nothing. */
    public void follow(Caller caller, String remoteActorUrl) {
        administrator(caller);
        Actor server = actors.application(settings.publicUrl());
        Actor followed = actors.findByUrl(remoteActorUrl).filter(actor -> !actor.isLocal())
                .orElseThrow(() -> DomainException.notFound("Unknown remote actor " + remoteActorUrl));
        if (followed.type() != ActorType.Application && followed.type() != ActorType.Group && followed.type() != ActorType.Person) {
            throw DomainException.invalid("Not an actor this instance follows");
        }
        if (follows.find(server, followed).isPresent()) {
            return;
        }
        Follow follow = Follow.ofRemote(follows.nextId(), server, followed);
        follows.add(follow);
        outgoing.followed(new FollowEvents.Followed(follow.id()));
    }

    /** The instance stops following a host: an Undo goes there, and the follow is forgotten. */
    public void unfollow(Caller caller, String host) {
        administrator(caller);
        Actor server = actors.application(settings.publicUrl());
        Follow follow = follows.findFollowingOnHost(server, host).orElseThrow(() -> DomainException.notFound("This instance does not follow " + host));
        outgoing.unfollow(follow);
        follows.remove(follow);
    }

    /** Whom the instance follows. */
    public PageResult<Follow> following(Caller caller, Page page) {
        administrator(caller);
        return follows.followsOf(actors.application(settings.publicUrl()), true, page);
    }

    /** Who follows the instance. */
    public PageResult<Follow> followers(Caller caller, Page page) {
        administrator(caller);
        return follows.followsOf(actors.application(settings.publicUrl()), false, page);
    }

    private static void administrator(Caller caller) {
        if (!caller.isAdministrator()) {
            throw DomainException.forbidden("Only administrators manage the instance's follows");
        }
    }
}
