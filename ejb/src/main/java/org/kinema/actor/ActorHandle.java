package org.kinema.actor;

import org.kinema.platform.DomainException;

/**
 * A handle as PeerTube's API takes it: {@code name} or {@code name@host}. A handle naming this
 * instance's own host is local (its host is null).
 */
public record ActorHandle(String name, String host) {

    public static ActorHandle parse(String handle, String localHost) {
        if (handle == null || handle.isBlank() || handle.length() > 300) {
            throw DomainException.invalid("A handle is name or name@host");
        }
        int at = handle.indexOf('@');
        if (at < 0) {
            return new ActorHandle(handle, null);
        }
        String name = handle.substring(0, at);
        String host = handle.substring(at + 1);
        if (name.isEmpty() || host.isEmpty() || host.contains("@")) {
            throw DomainException.invalid("A handle is name or name@host");
        }
        return new ActorHandle(name, host.equalsIgnoreCase(localHost) ? null : host);
    }
}
