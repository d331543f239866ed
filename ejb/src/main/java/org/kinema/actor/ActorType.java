package org.kinema.actor;

/** The ActivityPub type of an actor: accounts are people, channels are groups. */
public enum ActorType {
    Person, Group
}
