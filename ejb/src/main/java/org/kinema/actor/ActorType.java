package org.kinema.actor;

/** The ActivityPub type of an actor: accounts are people, channels are groups, the instance itself an application. */
public enum ActorType {
    Person, Group, Application
}
