package org.kinema.account;

import org.kinema.platform.DomainException;

/** PeerTube's roles, with its numbers and labels. */
public enum UserRole {
    ADMINISTRATOR(0, "Administrator"),
    MODERATOR(1, "Moderator"),
    USER(2, "User");

    private final int id;
    private final String label;

    UserRole(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static UserRole of(int id) {
        for (UserRole role : values()) {
            if (role.id == id) {
                return role;
            }
        }
        throw DomainException.invalid("Unknown user role: " + id);
    }

    /** Administrators manage everyone; moderators manage plain users only. */
    public boolean canManage(UserRole other) {
        return this == ADMINISTRATOR || (this == MODERATOR && other == USER);
    }

    public boolean canManageUsers() {
        return this != USER;
    }
}
