package org.kinema.user;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.kinema.account.Account;
import org.kinema.account.AccountRepository;
import org.kinema.account.Caller;
import org.kinema.account.NewUser;
import org.kinema.account.OwnChanges;
import org.kinema.account.PasswordChanged;
import org.kinema.account.PasswordHasher;
import org.kinema.account.User;
import org.kinema.account.UserChanges;
import org.kinema.account.UserCreated;
import org.kinema.account.UserRegistered;
import org.kinema.account.UserRepository;
import org.kinema.account.UserRole;
import org.kinema.actor.Actor;
import org.kinema.actor.ActorName;
import org.kinema.actor.ActorRepository;
import org.kinema.actor.ActorType;
import org.kinema.channel.ChannelRepository;
import org.kinema.channel.VideoChannel;
import org.kinema.instance.InstanceService;
import org.kinema.instance.InstanceSettings;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.video.QuotaUse;
import org.kinema.video.VideoRepository;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Creating, registering, changing and removing users. */
@Stateless
public class UserService {

    @Inject
    private UserRepository users;

    @Inject
    private AccountRepository accounts;

    @Inject
    private ActorRepository actors;

    @Inject
    private ChannelRepository channels;

    @Inject
    private InstanceService instance;

    @Inject
    private KinemaSettings settings;

    @Inject
    private VideoRepository videos;

    @Inject
    private Event<PasswordChanged> passwordChanged;

    @Inject
    private Event<UserRegistered> registered;

    @Inject
    private Event<UserCreated> userCreated;

    /** An administrator or moderator creates a user. */
    public Account create(Caller caller, NewUser request) {
        if (!caller.role().canManage(request.role())) {
            throw DomainException.forbidden("You may not create a user with the role " + request.role().label());
        }
        return createUser(request);
    }

    /** Someone registers on their own, when the administrator opened registrations. */
    public Account register(NewUser request) {
        InstanceSettings current = instance.settings();
        if (!current.acceptsRegistration(users.count())) {
            throw DomainException.forbidden("User registration is not enabled or the user limit is reached");
        }
        if (request.channelName() != null && request.channelName().equalsIgnoreCase(request.username())) {
            throw DomainException.invalid("Channel name cannot be the same as the username");
        }
        Account account = createUser(request);
        registered.fire(new UserRegistered(account.actor().preferredUsername()));
        return account;
    }

    public UserDetails get(Caller caller, long id) {
        User user = users.find(id).orElseThrow(() -> DomainException.notFound("User not found"));
        if (caller.userId() != id && !caller.canManageUsers()) {
            throw DomainException.forbidden("You may not see this user");
        }
        return inDetail(List.of(user)).get(0);
    }

    /** The caller's feed token (PeerTube's scoped tokens). */
    public String feedToken(Caller caller) {
        return own(caller).feedToken();
    }

    public String renewFeedToken(Caller caller) {
        User user = own(caller);
        user.renewFeedToken();
        return user.feedToken();
    }

    /** Whom a subscription feed's account id and token stand for; refused unless the token is that user's. */
    public Caller feedReader(long accountId, String token) {
        return accounts.find(accountId).map(Account::userId).flatMap(users::find)
                .filter(user -> !user.blocked() && user.opensFeedWith(token))
                .map(user -> new Caller(user.id(), user.username(), user.role()))
                .orElseThrow(() -> DomainException.forbidden("This feed needs the account's own feed token"));
    }

    public UserDetails me(Caller caller) {
        return inDetail(List.of(own(caller))).get(0);
    }

    /** Bytes of originals the user uploaded, in all and in the last 24 hours. */
    public QuotaUse quotaUsed(long userId) {
        return videos.quotaUse(userId);
    }

    public PageResult<UserDetails> list(Caller caller, String search, Boolean blocked, Page page) {
        if (!caller.canManageUsers()) {
            throw DomainException.forbidden("Only administrators and moderators list users");
        }
        PageResult<User> found = users.list(search, blocked, page);
        return new PageResult<>(found.total(), inDetail(found.items()));
    }

    /** Users with their accounts, channels and quota use: three selects however many users. */
    private List<UserDetails> inDetail(List<User> list) {
        Map<Long, Account> accounts = users.accountsOf(list);
        Map<Long, List<VideoChannel>> channelsOf = channels.ownedBy(accounts.values()).stream()
                .collect(Collectors.groupingBy(channel -> channel.account().id()));
        Map<Long, QuotaUse> quotaUses = videos.quotaUses(accounts.values().stream().map(Account::id).toList());
        return list.stream().map(user -> {
            Account account = accounts.get(user.id());
            return new UserDetails(user, account, channelsOf.getOrDefault(account.id(), List.of()), quotaUses.get(account.id()));
        }).toList();
    }

    public void change(Caller caller, long id, UserChanges changes) {
        User user = managed(caller, id);
        if (changes.email() != null && !changes.email().equalsIgnoreCase(user.email()) && users.emailTaken(changes.email())) {
            throw DomainException.conflict("A user with this email already exists");
        }
        if (changes.role() != null) {
            UserRole role = UserRole.of(changes.role());
            if (!caller.role().canManage(role)) {
                throw DomainException.forbidden("You may not give the role " + role.label());
            }
            if (user.isRoot() && role != UserRole.ADMINISTRATOR) {
                throw DomainException.invalid("The root user stays an administrator");
            }
            user.assignRole(role);
        }
        if (changes.email() != null) {
            user.changeEmail(changes.email());
        }
        if (changes.emailVerified() != null) {
            user.markEmailVerified(changes.emailVerified());
        }
        user.setQuotas(changes.videoQuota(), changes.videoQuotaDaily());
        if (changes.password() != null) {
            changePassword(user, changes.password());
        }
    }

    public void changeOwn(Caller caller, OwnChanges changes) {
        User user = own(caller);
        if (changes.password() != null || changes.email() != null) {
            if (!user.acceptsPassword(changes.currentPassword())) {
                throw DomainException.unauthenticated("Invalid current password", null);
            }
            if (changes.email() != null && !changes.email().equalsIgnoreCase(user.email()) && users.emailTaken(changes.email())) {
                throw DomainException.conflict("A user with this email already exists");
            }
        }
        if (changes.password() != null) {
            changePassword(user, changes.password());
        }
        if (changes.email() != null) {
            user.changeEmail(changes.email());
        }
        user.choosePlayerPreferences(changes.p2pEnabled(), changes.autoPlayVideo(), changes.nsfwPolicy());
        user.keepVideosHistory(changes.videosHistoryEnabled());
        if (changes.displayName() != null || changes.description() != null) {
            users.accountOf(user).describe(changes.displayName(), changes.description());
        }
    }

    public void delete(Caller caller, long id) {
        User user = managed(caller, id);
        if (user.isRoot()) {
            throw DomainException.invalid("The root user cannot be deleted");
        }
        users.delete(user);
    }

    /** A new password, and every session opened with the old one ends. */
    private void changePassword(User user, String password) {
        user.changePassword(password);
        passwordChanged.fire(new PasswordChanged(user.id()));
    }

    private User own(Caller caller) {
        return users.find(caller.userId()).orElseThrow(() -> DomainException.unauthenticated("User no longer exists", "invalid_token"));
    }

    /** The user {@code id}, if the caller may manage them. */
    private User managed(Caller caller, long id) {
        User user = users.find(id).orElseThrow(() -> DomainException.notFound("User not found"));
        if (!caller.role().canManage(user.role())) {
            throw DomainException.forbidden("You may not manage this user");
        }
        return user;
    }

    private Account createUser(NewUser request) {
        String username = ActorName.username(request.username());
        String channelName = ActorName.channelName(request.channelName() == null ? username + "_channel" : request.channelName());
        PasswordHasher.checkAcceptable(request.password());
        if (users.usernameTaken(username) || actors.localNameTaken(username)) {
            throw DomainException.conflict("A user or channel named " + username + " already exists");
        }
        if (request.email() != null && users.emailTaken(request.email())) {
            throw DomainException.conflict("A user with this email already exists");
        }
        if (actors.localNameTaken(channelName) || channelName.equalsIgnoreCase(username)) {
            throw DomainException.conflict("A user or channel named " + channelName + " already exists");
        }
        InstanceSettings defaults = instance.settings();
        User user = new User(username, request.email(), request.password(), request.role(),
                request.videoQuota() == null ? defaults.defaultVideoQuota() : request.videoQuota(),
                request.videoQuotaDaily() == null ? defaults.defaultVideoQuotaDaily() : request.videoQuotaDaily());
        String displayName = request.displayName() == null || request.displayName().isBlank() ? username : request.displayName();
        users.add(user);
        Account account = new Account(Actor.local(ActorType.Person, username, settings.publicUrl()), user, displayName);
        users.add(account);
        String channelDisplayName = request.channelDisplayName() == null || request.channelDisplayName().isBlank()
                ? "Main " + username + " channel" : request.channelDisplayName();
        channels.add(VideoChannel.open(channelName, channelDisplayName, account, settings.publicUrl()));
        userCreated.fire(new UserCreated(account));
        return account;
    }
}
