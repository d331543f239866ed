package org.kinema.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.kinema.platform.Fetch;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.platform.SortOrders;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Users and the accounts that stand for them. */
@ApplicationScoped
public class UserRepository {

    private static final SortOrders SORTS = SortOrders.of("id",
            "id", "u.id",
            "username", "u.username, u.id",
            "createdAt", "u.createdAt, u.id",
            "lastLoginDate", "u.lastLoginDate, u.id",
            "role", "u.role, u.id");

    @PersistenceContext(unitName = "kinema")
    private EntityManager em;

    /** Stores a user, and writes it at once: its account refers to its id. */
    public void add(User user) {
        em.persist(user);
        em.flush();
    }

    public void add(Account account) {
        em.persist(account.actor());
        em.persist(account);
    }

    public Optional<User> find(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /** The user as a caller (for what they may do), unless they are gone or blocked. */
    public Optional<Caller> callerOf(long userId) {
        return find(userId).filter(user -> !user.blocked()).map(user -> new Caller(user.id(), user.username(), user.role()));
    }

    /** PeerTube lets people log in with their username or their e-mail address. */
    public Optional<User> findByLogin(String login) {
        return em.createQuery("SELECT u FROM User u WHERE LOWER(u.username) = :login OR LOWER(u.email) = :login", User.class)
                .setParameter("login", login.toLowerCase())
                .getResultStream()
                .findFirst();
    }

    public boolean usernameTaken(String username) {
        return !em.createQuery("SELECT u.id FROM User u WHERE LOWER(u.username) = :name")
                .setParameter("name", username.toLowerCase()).setMaxResults(1).getResultList().isEmpty();
    }

    public boolean emailTaken(String email) {
        return !em.createQuery("SELECT u.id FROM User u WHERE LOWER(u.email) = :email")
                .setParameter("email", email.toLowerCase()).setMaxResults(1).getResultList().isEmpty();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
    }

    public Account accountOf(User user) {
        return Fetch.joined(em, Account.class, "SELECT a FROM Account a WHERE a.userId = :user", "a.actor")
                .setParameter("user", user.id())
                .getSingleResult();
    }

    /** The accounts of these users, by user id. */
    public Map<Long, Account> accountsOf(List<User> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        return Fetch.joined(em, Account.class, "SELECT a FROM Account a WHERE a.userId IN :users", "a.actor")
                .setParameter("users", users.stream().map(User::id).toList())
                .getResultStream()
                .collect(Collectors.toMap(Account::userId, account -> account));
    }

    /** Users whose username or e-mail contains {@code search}, optionally only (un)blocked ones. */
    public PageResult<User> list(String search, Boolean blocked, Page page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (search != null && !search.isBlank()) {
            where.append(" AND (LOWER(u.username) LIKE :search OR LOWER(u.email) LIKE :search)");
        }
        if (blocked != null) {
            where.append(" AND u.blocked = :blocked");
        }
        TypedQuery<User> query = em.createQuery("SELECT u FROM User u" + where + SORTS.orderBy(page), User.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM User u" + where, Long.class);
        if (search != null && !search.isBlank()) {
            String pattern = "%" + search.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
            query.setParameter("search", pattern);
            count.setParameter("search", pattern);
        }
        if (blocked != null) {
            query.setParameter("blocked", blocked);
            count.setParameter("blocked", blocked);
        }
        List<User> users = query.setFirstResult(page.start()).setMaxResults(page.count()).getResultList();
        return new PageResult<>(count.getSingleResult(), users);
    }

    /** Removes the user with its account, its channels and their actors. */
    public void delete(User user) {
        em.createNativeQuery("""
                DELETE FROM kinema.actor WHERE id IN (
                    SELECT c.actor_id FROM kinema.video_channel c JOIN kinema.account a ON c.account_id = a.id WHERE a.user_id = ?1
                    UNION
                    SELECT a.actor_id FROM kinema.account a WHERE a.user_id = ?1)""")
                .setParameter(1, user.id())
                .executeUpdate();
        em.createNativeQuery("DELETE FROM kinema.users WHERE id = ?1").setParameter(1, user.id()).executeUpdate();
    }
}
