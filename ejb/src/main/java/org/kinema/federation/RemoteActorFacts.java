package org.kinema.federation;

import org.kinema.actor.Actor;
import org.kinema.actor.ActorType;

/** What a remote actor's document says, as much as this instance keeps of it. */
public record RemoteActorFacts(ActorType type, String preferredUsername, String host, String url, Actor.Endpoints endpoints,
                               String publicKeyPem, String displayName) {
}
