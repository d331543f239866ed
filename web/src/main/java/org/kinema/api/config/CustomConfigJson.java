package org.kinema.api.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.kinema.instance.InstanceSettings;

/**
 * The part of PeerTube's {@code CustomConfig} that Kinema keeps: instance texts, signup,
 * default quotas, and P2P in the web player.
 */
public record CustomConfigJson(@Valid Instance instance, @Valid Signup signup, @Valid UserDefaults user,
                               @Valid Defaults defaults) {

    public record Instance(@Size(min = 1, max = 120) String name, @Size(max = 250) String shortDescription,
                           @Size(max = 10_000) String description, @Size(max = 10_000) String terms) {
    }

    public record Signup(Boolean enabled, @Min(-1) Integer limit, Boolean requiresEmailVerification) {
    }

    public record UserDefaults(@Min(-1) Long videoQuota, @Min(-1) Long videoQuotaDaily) {
    }

    public record Defaults(@Valid P2p p2p) {
    }

    public record P2p(@Valid Toggle webapp, @Valid Toggle embed) {
    }

    public record Toggle(Boolean enabled) {
    }

    static CustomConfigJson of(InstanceSettings settings) {
        Toggle p2p = new Toggle(settings.p2pEnabled());
        return new CustomConfigJson(
                new Instance(settings.name(), settings.shortDescription(), settings.description(), settings.terms()),
                new Signup(settings.signupEnabled(), settings.signupLimit(), settings.signupRequiresEmailVerification()),
                new UserDefaults(settings.defaultVideoQuota(), settings.defaultVideoQuotaDaily()),
                new Defaults(new P2p(p2p, p2p)));
    }

    void applyTo(InstanceSettings settings) {
        if (instance != null) {
            settings.describe(instance.name(), instance.shortDescription(), instance.description(), instance.terms());
        }
        if (signup != null) {
            settings.setSignup(signup.enabled(), signup.limit(), signup.requiresEmailVerification());
        }
        if (user != null) {
            settings.setDefaultQuotas(user.videoQuota(), user.videoQuotaDaily());
        }
        if (defaults != null && defaults.p2p() != null && defaults.p2p().webapp() != null) {
            settings.setP2pEnabled(defaults.p2p().webapp().enabled());
        }
    }
}
