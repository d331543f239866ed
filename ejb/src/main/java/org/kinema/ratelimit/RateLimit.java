package org.kinema.ratelimit;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * A number of calls allowed per window. Each is set by a {@code KINEMA_RATE_LIMIT_*} setting,
 * like PeerTube's {@code rates_limit}: {@code calls} (in PeerTube's window) or
 * {@code calls/seconds}; {@code 0} switches it off.
 */
public record RateLimit(String name, long calls, Duration window) {

    /** PeerTube's limits: any API call, logins, registrations, verification e-mails. */
    public static final RateLimit API = new RateLimit("api", 50, Duration.ofSeconds(10));
    public static final RateLimit LOGIN = new RateLimit("login", 15, Duration.ofMinutes(5));
    public static final RateLimit SIGNUP = new RateLimit("signup", 2, Duration.ofMinutes(5));
    public static final RateLimit ASK_SEND_EMAIL = new RateLimit("ask_send_email", 3, Duration.ofMinutes(5));

    /** The setting that changes this limit, e.g. {@code KINEMA_RATE_LIMIT_ASK_SEND_EMAIL}. */
    public String setting() {
        return "KINEMA_RATE_LIMIT_" + name.toUpperCase(java.util.Locale.ROOT);
    }

    public boolean isOff() {
        return calls <= 0;
    }

    /** This limit as the settings change it. */
    public RateLimit configured(Function<String, Optional<String>> settings) {
        return settings.apply(setting()).map(this::parse).orElse(this);
    }

    private RateLimit parse(String value) {
        try {
            String[] parts = value.split("/", 2);
            long count = Long.parseLong(parts[0].trim());
            Duration per = parts.length == 2 ? Duration.ofSeconds(Long.parseLong(parts[1].trim())) : window;
            if (count < 0 || per.isZero() || per.isNegative()) {
                throw new NumberFormatException();
            }
            return new RateLimit(name, count, per);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting() + " must be a number of calls, or calls/seconds: " + value);
        }
    }
}
