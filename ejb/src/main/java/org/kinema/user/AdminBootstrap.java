package org.kinema.user;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.kinema.account.Caller;
import org.kinema.account.NewUser;
import org.kinema.account.User;
import org.kinema.account.UserRepository;
import org.kinema.account.UserRole;
import org.kinema.platform.KinemaSettings;

import java.security.SecureRandom;
import java.util.logging.Logger;

/**
 * Creates the administrator {@code root} on the first start of an empty instance, with
 * KINEMA_ADMIN_PASSWORD as its password, or a generated one printed once in the log. Nodes
 * starting together take a PostgreSQL lock, so root is created once.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class AdminBootstrap {

    static final String ROOT = "root";
    private static final long BOOTSTRAP_LOCK = 0x4b696e656d61L;
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    @Inject
    private UserRepository users;

    @Inject
    private UserService userService;

    @Inject
    private KinemaSettings settings;

    @PostConstruct
    void createRootIfMissing() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, BOOTSTRAP_LOCK).getSingleResult();
        if (users.usernameTaken(ROOT)) {
            return;
        }
        String password = settings.adminPassword().orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = generatedPassword();
        }
        userService.create(new Caller(0, ROOT, UserRole.ADMINISTRATOR),
                new NewUser(ROOT, settings.adminEmail(), password, UserRole.ADMINISTRATOR, User.UNLIMITED, User.UNLIMITED,
                        ROOT, null, null));
        if (generated) {
            LOG.warning("Created the administrator 'root' with the generated password: " + password
                    + " (set KINEMA_ADMIN_PASSWORD to choose it; it is shown only this once)");
        } else {
            LOG.info("Created the administrator 'root' with the password from KINEMA_ADMIN_PASSWORD");
        }
    }

    private static String generatedPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
