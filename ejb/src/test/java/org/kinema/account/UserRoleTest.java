package org.kinema.account;

import org.junit.jupiter.api.Test;
import org.kinema.platform.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserRoleTest {

    @Test
    void rolesHavePeerTubesNumbersAndLabels() {
        assertEquals(UserRole.ADMINISTRATOR, UserRole.of(0));
        assertEquals(UserRole.MODERATOR, UserRole.of(1));
        assertEquals("User", UserRole.of(2).label());
        assertThrows(DomainException.class, () -> UserRole.of(3));
    }

    @Test
    void moderatorsManagePlainUsersOnly() {
        assertTrue(UserRole.MODERATOR.canManage(UserRole.USER));
        assertFalse(UserRole.MODERATOR.canManage(UserRole.MODERATOR));
        assertFalse(UserRole.MODERATOR.canManage(UserRole.ADMINISTRATOR));
        assertTrue(UserRole.ADMINISTRATOR.canManage(UserRole.ADMINISTRATOR));
        assertFalse(UserRole.USER.canManage(UserRole.USER));
    }
}
