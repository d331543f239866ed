package org.kinema.account;

import org.kinema.platform.NumberedConstant;

/** PeerTube's roles, with its numbers and labels. */
public enum UserRole implements NumberedConstant {
    ADMINISTRATOR(0, "Administrator"),
    MODERATOR(1, "Moderator"),
    USER(2, "User");

    private final int id;
    private final String label;

    UserRole(int id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    public static UserRole of(int id) {
        return NumberedConstant.byId(UserRole.class, id, "user role");
    }

    /** Administrators manage everyone; moderators manage plain users only. */
    public boolean canManage(UserRole other) {
        return this == ADMINISTRATOR || (this == MODERATOR && other == USER);
    }

    public boolean canManageUsers() {
        return this != USER;
    }
}
