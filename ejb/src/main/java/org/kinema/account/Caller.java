package org.kinema.account;

/** Who is asking: the authenticated user behind a request, as the domain needs to know them. */
public record Caller(long userId, String username, UserRole role) {

    public boolean canManageUsers() {
        return role.canManageUsers();
    }

    public boolean isAdministrator() {
        return role == UserRole.ADMINISTRATOR;
    }
}
